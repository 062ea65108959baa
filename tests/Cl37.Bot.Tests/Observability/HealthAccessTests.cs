using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Observability;

/// <summary>What a stranger learns from the probes and the metrics: the status, and nothing of the
/// checks unless they show Health:DetailsKey; the metrics too once they are restricted.</summary>
public sealed class HealthAccessTests
{
    private const string DetailsKey = "k3Y-for-the-dashboards-9zQ";

    private static WebApplicationFactory<Program> From(QuizApp app, IPAddress address) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(address))));

    private static async Task<JsonElement> ReadyAsync(HttpClient client, string? bearer = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Ready_CallerOnAnotherMachine_StatusOnly()
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Health:DetailsKey"] = DetailsKey });
        await using var stranger = From(app, RemoteAddress.Stranger);
        using var client = stranger.CreateClient();

        var body = await ReadyAsync(client);
        var wrongKey = await ReadyAsync(client, bearer: DetailsKey + "x");

        Assert.Equal("""{"status":"Healthy"}""", body.GetRawText());
        Assert.False(wrongKey.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Ready_StrangerWithTheDetailsKey_SeesEachCheck()
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Health:DetailsKey"] = DetailsKey });
        await using var stranger = From(app, RemoteAddress.Stranger);

        var body = await ReadyAsync(stranger.CreateClient(), bearer: DetailsKey);

        Assert.Contains(body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task Ready_LoopbackCaller_SeesEachCheckUnlessAProxyRelaysSomeoneElse()
    {
        await using var app = new QuizApp();
        await using var local = From(app, IPAddress.Loopback);
        using var client = local.CreateClient();

        var direct = await ReadyAsync(client);
        var relayed = await ReadyAsync(client, forwardedFor: "198.51.100.20");

        Assert.Contains(direct.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "deck");
        Assert.False(relayed.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Metrics_RestrictedAndCallerOnAnotherMachine_403UnlessTheKeyIsShown()
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Health:DetailsKey"] = DetailsKey, ["Health:RestrictMetrics"] = "true" });
        await using var stranger = From(app, RemoteAddress.Stranger);
        using var client = stranger.CreateClient();

        var refused = await client.GetAsync("/metrics");
        var keyed = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", DetailsKey) } };
        var admitted = await client.SendAsync(keyed);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("cl37_", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task Metrics_NotRestricted_ServedToAnyone()
    {
        await using var app = new QuizApp();
        await using var stranger = From(app, RemoteAddress.Stranger);

        Assert.Equal(HttpStatusCode.OK, (await stranger.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("short")]
    public async Task Start_EasyDetailsKey_FailsNamingIt(string key)
    {
        var (exitCode, error) = await StartupCheck.RunAsync(new Dictionary<string, string?> { ["Health:DetailsKey"] = key });

        Assert.Equal(Cl37.Bot.Hosting.CommandLine.BadSettings, exitCode);
        Assert.Contains("Setting problem: Health:DetailsKey", error, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 24", error, StringComparison.Ordinal);
    }
}
