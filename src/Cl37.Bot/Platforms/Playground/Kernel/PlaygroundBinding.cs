using System.Net;

namespace Cl37.Bot.Platforms.Playground.Kernel;

/// <summary>Where the app will listen, read from configuration the way Kestrel reads it
/// (<c>Kestrel:Endpoints</c>, else <c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else
/// http://localhost:5000), and whether any of it is reachable beyond this machine.</summary>
internal sealed record PlaygroundBinding(IReadOnlyList<string> Addresses)
{
    public bool BeyondLoopback => Addresses.Any(a => !IsLoopback(a));

    public static PlaygroundBinding From(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        if (endpoints.Count > 0)
            return new PlaygroundBinding(endpoints);
        if (Split(configuration["urls"]) is { Count: > 0 } urls)
            return new PlaygroundBinding(urls);
        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}")).ToList();
        return new PlaygroundBinding(ports.Count > 0 ? ports : ["http://localhost:5000"]);
    }

    /// <summary>Whether an address as configured (<c>http://+:8080</c>) or as Kestrel reports it
    /// (<c>http://[::]:8080</c>) accepts connections from this machine only. Anything unreadable counts as not.</summary>
    public static bool IsLoopback(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? address : address[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The address for the start-up log: as bound, and said plainly when it is every interface.</summary>
    public static string Describe(string address)
    {
        if (IsLoopback(address))
            return address;
        var wildcard = address.Contains("://[::]:", StringComparison.Ordinal) || address.Contains("://0.0.0.0:", StringComparison.Ordinal)
            || address.Contains("://+:", StringComparison.Ordinal) || address.Contains("://*:", StringComparison.Ordinal);
        return wildcard ? $"{address} (every network interface)" : $"{address} (reachable from other machines)";
    }

    private static List<string> Split(string? value) =>
        value is null ? [] : [.. value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
