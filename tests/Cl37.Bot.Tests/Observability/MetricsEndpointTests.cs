using System.Diagnostics.Metrics;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterPostAndAnswer_ExposesQuizPlatformHttpAndRuntimeMetricsInPrometheusFormat()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        var client = app.CreateClient();
        var postId = await app.PostQuestionAsync();
        await app.AnswerAsync(postId, "alice", "B");
        // A platform meter is picked up by name alone (Cl37.Bot.*), like the Discord and Teams ones.
        var meter = app.Get<IMeterFactory>().Create("Cl37.Bot.Discord");
        meter.CreateCounter<long>("cl37_discord_gateway_reconnects").Add(2);
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        // Tests run many apps in one process and a meter listener hears every meter of its name,
        // so counts are at least ours rather than exactly ours.
        Assert.True(Value(text, "cl37_answers_recorded_total{otel_scope_name=\"Cl37.Bot.Quiz\"}") >= 1, text);
        Assert.True(Value(text, "cl37_questions_posted_total{otel_scope_name=\"Cl37.Bot.Quiz\",platform=\"test\"}") >= 1, text);
        Assert.True(Value(text, "cl37_answer_duration_seconds_count{otel_scope_name=\"Cl37.Bot.Quiz\"}") >= 1, text);
        Assert.Contains("cl37_answer_duration_seconds_bucket{otel_scope_name=\"Cl37.Bot.Quiz\",le=\"0.001\"}", text);
        Assert.True(Value(text, "cl37_discord_gateway_reconnects_total{otel_scope_name=\"Cl37.Bot.Discord\"}") >= 2, text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text);
        Assert.Contains("# TYPE cl37_answers_recorded_total counter", text);
    }

    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no series {series}");
        return double.Parse(line[(series.Length + 1)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
