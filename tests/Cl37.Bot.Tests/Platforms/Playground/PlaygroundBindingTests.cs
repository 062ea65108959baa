using Cl37.Bot.Platforms.Playground.Kernel;
using Microsoft.Extensions.Configuration;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundBindingTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("https://127.8.9.10:443", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://192.168.1.20:8080", false)]
    [InlineData("http://bot.example.org:8080", false)]
    [InlineData("not a url", false)]
    public void IsLoopback_Address_OnlyThisMachine(string address, bool expected) =>
        Assert.Equal(expected, PlaygroundBinding.IsLoopback(address));

    [Theory]
    [InlineData("urls", "http://localhost:5080", false)]
    [InlineData("urls", "http://localhost:5080;http://+:8081", true)]
    [InlineData("http_ports", "8080", true)]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080", true)]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://127.0.0.1:8080", false)]
    [InlineData("unrelated", "x", false)]
    public void From_Configuration_ReadsWhereKestrelListens(string key, string value, bool beyondLoopback)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(beyondLoopback, PlaygroundBinding.From(configuration).BeyondLoopback);
    }

    [Fact]
    public void From_KestrelEndpointsAndUrls_EndpointsWinAsInKestrel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://+:8080",
            ["Kestrel:Endpoints:Web:Url"] = "http://localhost:8080",
        }).Build();

        Assert.False(PlaygroundBinding.From(configuration).BeyondLoopback);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("http://[::]:8080", "http://[::]:8080 (every network interface)")]
    [InlineData("http://192.168.1.20:8080", "http://192.168.1.20:8080 (reachable from other machines)")]
    public void Describe_BoundAddress_SaysWhatItIsNeverLocalhostForAWildcard(string address, string logged) =>
        Assert.Equal(logged, PlaygroundBinding.Describe(address));
}
