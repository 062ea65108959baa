using System.Net;
using Cl37.Bot.Chat;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Observability;

/// <summary>Who sees the health details (and, when restricted, the metrics): callers on this machine
/// and callers showing <see cref="HealthOptions.DetailsKey"/> as a bearer token. Everyone else learns
/// the status only.</summary>
internal sealed class HealthAccess(IOptions<HealthOptions> options)
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[]? _keyHash = string.IsNullOrEmpty(options.Value.DetailsKey) ? null : AccessKeys.Hash(options.Value.DetailsKey);

    public bool RestrictMetrics => options.Value.RestrictMetrics;

    public bool SeesDetails(HttpContext context) => IsLocal(context) || ShowsKey(context.Request);

    // A loopback peer that still carries forwarding headers is a proxy on this machine relaying someone
    // else (the configured proxies' headers were consumed before this runs), so it does not count as local.
    private static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
            return true; // an in-process server or a Unix socket: nothing beyond this machine
        if (!IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
            return false;
        var headers = context.Request.Headers;
        return !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }

    private bool ShowsKey(HttpRequest request)
    {
        if (_keyHash is null)
            return false;
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && AccessKeys.Matches(header[BearerPrefix.Length..].Trim(), _keyHash);
    }
}
