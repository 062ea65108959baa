using System.Net;
using System.Net.Http.Json;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Cl37.Bot.Hosting;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>The access cookie: a random session per login that ends on the server, that a restart
/// ends, and that is <c>Secure</c> when the request came over HTTPS through a configured proxy only.</summary>
public sealed class PlaygroundSessionTests
{
    private const string Key = "correct-horse-battery-staple";

    private static async Task<string> LogInAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/access") { Content = JsonContent.Create(new { key = Key }) };
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"));
    }

    private static string CookiePair(string setCookie) => setCookie.Split(';')[0];

    private static Task<HttpResponseMessage> ConfigWith(HttpClient client, string setCookie) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/playground/api/config") { Headers = { { "Cookie", CookiePair(setCookie) } } });

    [Fact]
    public async Task Access_TwoLogins_EachGetsItsOwnValueThatEndsAfterSessionHours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key, ["Playground:SessionHours"] = "12" });
        await using var timed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = timed.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var first = await LogInAsync(client);
        var second = await LogInAsync(client);

        Assert.NotEqual(CookiePair(first), CookiePair(second));
        var expires = DateTimeOffset.Parse(first.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, clock.GetUtcNow().AddHours(12).AddSeconds(-2), clock.GetUtcNow().AddHours(12).AddSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await ConfigWith(client, first)).StatusCode);
        clock.Advance(TimeSpan.FromHours(11.9));
        Assert.Equal(HttpStatusCode.OK, (await ConfigWith(client, second)).StatusCode);
        clock.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfigWith(client, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfigWith(client, second)).StatusCode);
    }

    [Fact]
    public async Task Access_CookieOfAnEarlierRun_RefusedAfterRestartWithTheSameKey()
    {
        string cookie;
        await using (var before = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key }))
        {
            using var client = before.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            cookie = await LogInAsync(client);
            Assert.Equal(HttpStatusCode.OK, (await ConfigWith(client, cookie)).StatusCode);
        }
        await using var after = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key });
        using var again = after.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await ConfigWith(again, cookie)).StatusCode);
    }

    [Fact]
    public async Task Access_ForwardedProtoHttpsFromConfiguredProxy_CookieSecure()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key, ["Proxy:KnownProxies:0"] = "127.0.0.1" }, kestrel: true);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.StartKestrel() };

        var viaTls = await LogInAsync(client, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "198.51.100.20"));
        var plain = await LogInAsync(client);

        Assert.Contains("; secure", viaTls, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", plain, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Access_ForwardedHeadersFromUnknownPeer_IgnoredForCookieAndForTheLimit()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key, ["Playground:MaxKeyFailuresPerMinute"] = "3" }, kestrel: true);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.StartKestrel() };

        var cookie = await LogInAsync(client, ("X-Forwarded-Proto", "https"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A guesser posing as a new client each time.
            var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/access") { Content = JsonContent.Create(new { key = $"guess-{i:D4}-abcdefghijk" }) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Access_ConfiguredProxy_LimitCountsEachForwardedClientApart()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Playground:AccessKey"] = Key,
            ["Playground:MaxKeyFailuresPerMinute"] = "2",
            ["Proxy:KnownNetworks:0"] = "127.0.0.0/8",
        }, kestrel: true);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.StartKestrel() };

        async Task<HttpStatusCode> Guess(string from)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/access") { Content = JsonContent.Create(new { key = "guess-0000-abcdefghijk" }) };
            request.Headers.Add("X-Forwarded-For", from);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Guess("198.51.100.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Guess("198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Guess("198.51.100.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Guess("198.51.100.8"));
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "proxy.internal", "Proxy:KnownProxies:0")]
    [InlineData("Proxy:KnownNetworks:0", "172.18.0.0/99", "Proxy:KnownNetworks:0")]
    public async Task Start_ProxyEntryNotAnAddress_FailsNamingIt(string key, string value, string message)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using var app = builder.AddProxies().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message);
    }
}
