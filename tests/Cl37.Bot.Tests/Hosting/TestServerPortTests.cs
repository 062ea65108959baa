using System.Net;
using System.Net.Sockets;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Hosting;

public sealed class TestServerPortTests
{
    [Fact]
    public async Task Start_InMemoryServerWhileTheConfiguredPortIsTaken_StillStarts()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Urls"] = $"http://127.0.0.1:{port}" });

        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }
}
