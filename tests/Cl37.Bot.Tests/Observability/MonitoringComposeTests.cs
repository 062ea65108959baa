using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Observability;

/// <summary>docker-compose's monitoring profile: Prometheus and Grafana (anonymous viewers) publish
/// on this machine only unless someone sets MONITORING_ADDRESS on purpose.</summary>
public sealed partial class MonitoringComposeTests
{
    private static Dictionary<string, List<string>> PublishedPorts()
    {
        var compose = File.ReadAllText(Path.Combine(RepoFiles.Root(), "deploy", "docker-compose.yml"));
        var services = compose[compose.IndexOf("\nservices:", StringComparison.Ordinal)..];
        services = services[..services.IndexOf("\nvolumes:", StringComparison.Ordinal)];
        var ports = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match service in Service().Matches(services))
        {
            var block = service.Groups["body"].Value;
            ports[service.Groups["name"].Value] = [.. Port().Matches(block).Select(m => Default().Replace(m.Groups["port"].Value, d => d.Groups["default"].Value))];
        }
        return ports;
    }

    [Theory]
    [InlineData("prometheus")]
    [InlineData("grafana")]
    public void Compose_MonitoringService_PublishedOnLoopbackByDefault(string name)
    {
        var ports = PublishedPorts();

        Assert.NotEmpty(ports[name]);
        Assert.All(ports[name], p => Assert.StartsWith("127.0.0.1:", p));
    }

    [Fact]
    public void Compose_EveryServiceButTheBot_PublishedOnLoopbackOnly()
    {
        var open = PublishedPorts().Where(s => s.Key != "bot").SelectMany(s => s.Value.Select(p => $"{s.Key} {p}")).Where(p => !p.Contains(" 127.0.0.1:", StringComparison.Ordinal)).ToList();

        Assert.Empty(open);
    }

    [GeneratedRegex(@"^  (?<name>[a-z][a-z0-9-]*):\n(?<body>(?:    .*\n|\s*\n)*)", RegexOptions.Multiline)]
    private static partial Regex Service();

    [GeneratedRegex(@"^\s+- ""?(?<port>[^""\n]*\d+:\d+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex Port();

    [GeneratedRegex(@"\$\{[A-Z_]+:-(?<default>[^}]*)\}")]
    private static partial Regex Default();
}
