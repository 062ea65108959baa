using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Kernel;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordInteractionsEndpointTests : IAsyncLifetime
{
    private const string Ping = """{"type":1,"id":"1","application_id":"1100","token":"t","version":1}""";
    private DiscordTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await DiscordTestHost.CreateAsync(null, settings: new Dictionary<string, string?> { ["Discord:Mode"] = "Http" }, start: true);
        _http = new HttpClient { BaseAddress = _host.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public void Verify_DocumentedVector_AcceptsAndRejectsAlteredBody()
    {
        // Test vector from the protocol brief §2.3 (seed 2a×32, generated with Node's crypto).
        var verifier = new DiscordSignatureVerifier(Options.Create(new DiscordOptions { PublicKey = "197f6b23e16c8532c6abc838facd5ea789be0c76b2920334039bfa8b3d368d61" }));
        const string signature = "213853dca7e432233dbb55ee8dc91c45a822c8425c4c68f630984646427dea5a6f081003f5199d07d6a6418ba62cdcf54f54241f8f781381c1b73b5ddbf5c207";

        Assert.True(verifier.Verify(signature, "1700000000", """{"type":1}"""u8));
        Assert.False(verifier.Verify(signature, "1700000000", """{"type":2}"""u8));
    }

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        using var response = await PostSignedAsync(Ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> BadSignatures() =>
    [
        "missing signature header",
        "missing timestamp header",
        "signature not hex",
        "signature 63 bytes",
        "signature 65 bytes",
        "one flipped bit",
        "wrong key",
        "altered body",
        "altered timestamp",
        "empty body",
        "empty signature",
        "two signature headers",
    ];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Post_BadSignature_Returns401(string kind)
    {
        var ts = Now();
        var body = Ping;
        string? signature = Sign(ts, Ping);
        string? timestamp = ts;
        switch (kind)
        {
            case "missing signature header": signature = null; break;
            case "missing timestamp header": timestamp = null; break;
            case "signature not hex": signature = new string('z', 128); break;
            case "signature 63 bytes": signature = signature[..126]; break;
            case "signature 65 bytes": signature += "00"; break;
            case "one flipped bit":
                var bytes = Convert.FromHexString(signature);
                bytes[17] ^= 0x04;
                signature = Convert.ToHexString(bytes);
                break;
            case "wrong key":
                using (var other = Key.Create(SignatureAlgorithm.Ed25519))
                    signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(other, Encoding.UTF8.GetBytes(ts + Ping)));
                break;
            case "altered body": body = Ping.Replace("\"t\"", "\"u\"", StringComparison.Ordinal); break;
            case "altered timestamp": timestamp = (long.Parse(ts, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture); break;
            case "empty body": body = ""; break;
            case "empty signature": signature = ""; break;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        if (kind == "two signature headers")
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("hello")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("ten years ahead")]
    [InlineData("six minutes ago")]
    [InlineData("six minutes ahead")]
    public async Task Post_SignedWithStaleOrMalformedTimestamp_Returns401(string kind)
    {
        var timestamp = kind switch
        {
            "ten years ahead" => Now(10 * 365 * 24 * 3600),
            "six minutes ago" => Now(-6 * 60),
            "six minutes ahead" => Now(6 * 60),
            _ => kind,
        };

        using var response = await PostAsync(Ping, Sign(timestamp, Ping), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedFourMinutesAgo_IsAccepted()
    {
        var timestamp = Now(-4 * 60);

        using var response = await PostAsync(Ping, Sign(timestamp, Ping), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameSignedCommandThreeTimes_IsHandledOnce()
    {
        _host.Handlers["calc"].Reply = OutgoingMessage.PublicText("**16** servers");
        var body = await File.ReadAllTextAsync(Path.Combine("Samples", "discord", "interaction_create_command.json"));
        var interaction = JsonDocument.Parse(body).RootElement.GetProperty("d").GetRawText();
        var timestamp = Now();
        var signature = Sign(timestamp, interaction);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(interaction, signature, timestamp);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        Assert.Single(_host.Handlers["calc"].Received);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    public async Task Post_SignedWithAnIdThatIsNotASnowflake_Returns400(string id)
    {
        var body = $$"""{"id":"{{id}}","application_id":"1100","type":1,"token":"t","version":1}""";
        var timestamp = Now();

        using var response = await PostAsync(body, Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an interaction", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SignedBodyOverTheCap_Returns413()
    {
        var body = PaddedPing(64 * 1024);

        using var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedBodyJustUnderTheCap_IsAccepted()
    {
        var body = PaddedPing(64 * 1024 - PaddedPing(0).Length);

        using var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedButNotJson_Returns400()
    {
        const string body = "not json";
        using var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedSlashCommand_AnswersInlineWithTheDispatcherReply()
    {
        _host.Handlers["calc"].Reply = OutgoingMessage.PublicText("**16** servers");
        var body = await File.ReadAllTextAsync(Path.Combine("Samples", "discord", "interaction_create_command.json"));
        var interaction = JsonDocument.Parse(body).RootElement.GetProperty("d").GetRawText();

        using var response = await PostSignedAsync(interaction);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal("**16** servers", json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(json.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Single(_host.Handlers["calc"].Received);
    }

    [Fact]
    public async Task Post_SignedButtonClick_AnswersEphemerally()
    {
        var interaction = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine("Samples", "discord", "interaction_create_button.json"))).RootElement.GetProperty("d").GetRawText();

        using var response = await PostSignedAsync(interaction);

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    private string Sign(string timestamp, string body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_host.SigningKey, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();

    private static string PaddedPing(int padding) => "{\"type\":1,\"id\":\"1\",\"application_id\":\"1100\",\"token\":\"t\",\"version\":1,\"pad\":\"" + new string('x', padding) + "\"}";

    private static string Now(int offsetSeconds = 0) => (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs with the same timestamp it sends: reading the clock twice can cross a second.</summary>
    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = Now();
        return PostAsync(body, Sign(timestamp, body), timestamp);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string signature, string? timestamp = null)
    {
        timestamp ??= Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request);
    }
}
