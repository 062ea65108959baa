using System.Text.RegularExpressions;
using Cl37.Bot.Platforms.Playground.Kernel;
using Microsoft.Extensions.Configuration;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>The shipped image and deployments listen on every interface, so they ship the playground off.</summary>
public sealed partial class PlaygroundDeploymentTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(RepoFiles.Root(), path));

    private static bool PlaygroundRuns(Dictionary<string, string?> environment)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => e.Value)).Build();
        var options = configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        return options.IsEnabled(configuration, PlaygroundBinding.From(configuration));
    }

    [Fact]
    public void Dockerfile_Environment_PlaygroundOffExplicitly()
    {
        var environment = DockerfileEnvironment().Matches(Read("Dockerfile"))
            .ToDictionary(m => m.Groups["key"].Value, m => (string?)m.Groups["value"].Value.Trim('"'));

        Assert.Equal("http://+:8080", environment["URLS"]);
        Assert.Equal("false", environment["Playground__Enabled"]);
        Assert.False(PlaygroundRuns(environment));
    }

    [Fact]
    public void Compose_BotEnvironment_PlaygroundOffByDefaultAndKeyPassedThrough()
    {
        var compose = Read("deploy/docker-compose.yml");
        var environment = ComposeVariable().Matches(compose)
            .ToDictionary(m => m.Groups["key"].Value, m => (string?)m.Groups["default"].Value);
        environment["URLS"] = "http://+:8080";

        Assert.Equal("false", environment["Playground__Enabled"]);
        Assert.True(environment.ContainsKey("Playground__AccessKey"));
        Assert.False(PlaygroundRuns(environment));
    }

    [Theory]
    [InlineData("deploy/k8s/sqlite/configmap.yaml")]
    [InlineData("deploy/k8s/postgres/configmap.yaml")]
    public void KubernetesSettings_PlaygroundOff(string path) =>
        Assert.Matches("Playground__Enabled: \"false\"", Read(path));

    [GeneratedRegex(@"^(?:ENV\s+|\s+)(?<key>[A-Za-z_]+)=(?<value>""[^""]*""|\S+)", RegexOptions.Multiline)]
    private static partial Regex DockerfileEnvironment();

    [GeneratedRegex(@"^\s+(?<key>[A-Za-z_]+): \$\{[A-Z_]+:-(?<default>[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex ComposeVariable();
}
