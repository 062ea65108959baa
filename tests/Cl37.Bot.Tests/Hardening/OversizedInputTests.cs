using System.Net;
using System.Text;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Bodies far beyond anything a platform sends, and JSON nested far deeper than any parser
/// should follow: refused with a 4xx, quickly, on every endpoint that reads the outside world.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class OversizedInputTests
{
    public static TheoryData<string> Bodies() => ["huge", "deep", "wide"];

    private static string Body(string kind) => kind switch
    {
        "huge" => "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"data\":{\"name\":\"calc\",\"options\":[{\"name\":\"x\",\"type\":3,\"value\":\"" + new string('x', 4 * 1024 * 1024) + "\"}]}}",
        "deep" => new string('[', 100_000) + new string(']', 100_000),
        _ => "[" + string.Join(',', Enumerable.Repeat("{\"a\":1}", 300_000)) + "]",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task DiscordInteractions_SignedOversizedBody_Refused4xx(string kind)
    {
        await using var host = await DiscordTestHost.CreateAsync(null, settings: new Dictionary<string, string?> { ["Discord:Mode"] = "Http" }, start: true);
        using var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        var body = Body(kind);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Headers.Add("X-Signature-Timestamp", now);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(host.SigningKey, Encoding.UTF8.GetBytes(now + body))).ToLowerInvariant());

        using var response = await SendOrRefusedAsync(http, request);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task TeamsAndPlayground_OversizedBody_Refused4xx(string kind)
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Teams:Enabled"] = "true" });
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);

        foreach (var path in new[] { "/api/messages", "/playground/api/commands", "/playground/api/answers" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body(kind), Encoding.UTF8, "application/json") };
            using var response = await SendOrRefusedAsync(client, request);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A server may refuse a huge body by closing the connection before reading it all;
    /// that counts as a 413.</summary>
    private static async Task<HttpResponseMessage> SendOrRefusedAsync(HttpClient http, HttpRequestMessage request)
    {
        try
        {
            return await http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge);
        }
    }
}
