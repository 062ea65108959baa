using Cl37.Bot.Hosting;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>The start-up warm-up really exercises the first readiness request's code: it matches
/// /health/ready through the app's own routes (a throwaway pipeline without them would match nothing
/// and warm nothing), without sending or storing anything.</summary>
public sealed class StartupPrewarmTests
{
    [Fact]
    public async Task Prewarm_matches_the_readiness_endpoint_through_the_apps_routes()
    {
        await using var app = new PlaygroundApp();
        _ = app.Server;
        var routed = await app.Services.GetRequiredService<StartupPrewarm>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Health checks", routed);
    }

    [Fact]
    public async Task The_first_readiness_request_after_the_prewarm_is_answered_normally()
    {
        await using var app = new PlaygroundApp();
        var client = app.CreateClient();
        await app.Services.GetRequiredService<StartupPrewarm>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"deck\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
