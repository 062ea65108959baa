using System.Net;
using System.Text.Json;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>Live streams are capped in total and per address; a refused stream is a 429 that says why.</summary>
public sealed class PlaygroundStreamLimitTests
{
    private static Task<HttpResponseMessage> OpenAsync(HttpClient client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/playground/api/events?channel=general"), HttpCompletionOption.ResponseHeadersRead);

    [Theory]
    [InlineData("Playground:MaxStreams", "live connections")]
    [InlineData("Playground:MaxStreamsPerAddress", "from your address")]
    public async Task Events_CapReached_TooManyRequestsWithRetryAfterAndMessage(string setting, string message)
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { [setting] = "2" });
        using var client = app.CreateClient();
        await using var one = await PlaygroundEventStream.OpenAsync(client);
        await using var two = await PlaygroundEventStream.OpenAsync(client);
        await one.NextAsync();
        await two.NextAsync();

        using var third = await OpenAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Contains(message, JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Events_StreamClosed_SlotFreedForTheNext()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:MaxStreams"] = "1" });
        using var client = app.CreateClient();
        await using (var one = await PlaygroundEventStream.OpenAsync(client))
            await one.NextAsync();

        await Scheduling.Eventually.TrueAsync(async () =>
        {
            using var again = await OpenAsync(client);
            return again.StatusCode == HttpStatusCode.OK;
        }, "the closed stream's slot to be freed");
    }
}
