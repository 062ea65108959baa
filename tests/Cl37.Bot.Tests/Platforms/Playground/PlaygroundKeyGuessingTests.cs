using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cl37.Bot.Platforms.Playground;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>Someone guessing the access key: a few tries a minute per address, then 429 before the
/// key is even compared, one warning a minute with the count, and no easy key accepted at start.</summary>
public sealed class PlaygroundKeyGuessingTests
{
    private const string Key = "correct-horse-battery-staple";

    private static Task<HttpResponseMessage> TryKey(HttpClient client, string key) =>
        client.PostAsJsonAsync("/playground/api/access", new { key });

    [Fact]
    public async Task Access_WrongKeysPastTheLimit_429WithRetryAfterEvenForTheRightKey()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key, ["Playground:MaxKeyFailuresPerMinute"] = "5" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await TryKey(client, $"guess-{i:D4}-abcdefghijk")).StatusCode);
        var refused = await TryKey(client, "guess-9999-abcdefghijk");
        var right = await TryKey(client, Key);
        var header = new HttpRequestMessage(HttpMethod.Get, "/playground/api/config") { Headers = { { "X-Playground-Key", Key } } };
        var viaHeader = await client.SendAsync(header);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("wait a minute", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.False(right.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.TooManyRequests, viaHeader.StatusCode);
    }

    [Fact]
    public async Task Api_WrongKeysInTheHeader_CountAsFailuresToo()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key, ["Playground:MaxKeyFailuresPerMinute"] = "3" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/playground/api/config") { Headers = { { "X-Playground-Key", $"guess-{i:D4}-abcdefghijk" } } };
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryKey(client, Key)).StatusCode);
    }

    [Fact]
    public async Task Access_ManyWrongKeys_OneWarningAMinuteWithTheCount()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key });
        await using var timed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = timed.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        for (var i = 0; i < 62; i++)
            await TryKey(client, $"guess-{i:D4}-abcdefghijk");
        var duringTheMinute = Warnings(app);
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterIt = Warnings(app);

        var first = Assert.Single(duringTheMinute);
        Assert.StartsWith("Playground: 1 failed access key attempts from in-process", first);
        Assert.Equal(2, afterIt.Count);
        Assert.StartsWith("Playground: 61 failed access key attempts from in-process", afterIt[1]);
        Assert.DoesNotContain(afterIt, w => w.Contains("guess-", StringComparison.Ordinal));
    }

    private static List<string> Warnings(PlaygroundApp app) =>
        [.. app.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("access key attempts", StringComparison.Ordinal)).Select(e => e.Message)];

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa", "too easy to guess")]
    [InlineData("abababababababababab", "too easy to guess")]
    [InlineData("abcdefghijklmnopq", "too easy to guess")]
    [InlineData("short-key", "must be 16 to 256")]
    public async Task Start_EasyAccessKey_FailsSayingHowToMakeOne(string key, string reason)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Playground:AccessKey"] = key });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using var app = builder.AddPlayground().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Playground:AccessKey", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("openssl rand -base64 24", error.Message);
        Assert.DoesNotContain(key, error.Message);
    }
}
