using System.Net;
using System.Text.Json;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Tests.Observability;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_RunningApp_Returns200()
    {
        await using var app = new QuizApp();
        var response = await app.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await ReadAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_MigratedDatabaseAndLoadedDeck_Returns200WithEachCheck()
    {
        await using var app = new QuizApp();
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = Checks(await ReadAsync(response));
        Assert.Equal("Healthy", checks["database"].Status);
        Assert.Equal("Healthy", checks["deck"].Status);
        Assert.Contains("question", checks["deck"].Description);
    }

    [Fact]
    public async Task Ready_NoQuestionsLoaded_Returns503NamingTheDeckError()
    {
        await using var app = new QuizApp(new DeckLibrary([], [new DeckError("content/k8s.md", 12, "option E has no text")]));
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var deck = Checks(await ReadAsync(response))["deck"];
        Assert.Equal("Unhealthy", deck.Status);
        Assert.Contains("content/k8s.md:12: option E has no text", deck.Description);
    }

    [Fact]
    public async Task Ready_PlatformCheckTaggedReadyFails_Returns503NamingThePlatform()
    {
        await using var app = new QuizApp();
        await using var withPlatform = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddHealthChecks()
            .AddCheck("fakechat", () => HealthCheckResult.Unhealthy("gateway closed with 4004 (authentication failed)"), tags: ["ready"])));
        var client = withPlatform.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("4004", Checks(await ReadAsync(ready))["fakechat"].Description);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static Dictionary<string, (string Status, string Description)> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""));
}
