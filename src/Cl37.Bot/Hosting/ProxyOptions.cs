namespace Cl37.Bot.Hosting;

/// <summary>The <c>Proxy</c> settings section: the reverse proxies (TLS terminators) in front of the
/// app. Their <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed, and from
/// nobody else: the client address that rate limits and stream caps count, and whether the request
/// arrived over HTTPS (the playground's cookie is then <c>Secure</c>). Empty: no forwarded header is
/// believed.</summary>
internal sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>172.18.0.0/16</c> (a Docker network).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
