using System.Globalization;
using System.Net;
using System.Text;
using Cl37.Bot.Platforms.Discord.Incoming;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>Discord in HTTP mode as a test sees it: the settings that point an app at a fake Discord
/// with this signing key, and signed interactions captured once and sent to any app, as many times
/// as an attacker likes.</summary>
public sealed class SignedDiscord(FakeDiscordServer fake) : IDisposable
{
    public const string Guild = "290926798626357999";
    public const string Channel = "645027906669510667";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "MTEwMA.fake-token.never-log-this-secret",
            ["Discord:ApplicationId"] = "1100",
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:RegisterCommands"] = "false",
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
            settings[k] = v;
        return settings;
    }

    /// <summary>An admin's <c>/quiz now</c> in the channel, signed at <paramref name="signedAt"/>.</summary>
    public Captured QuizNow(long interactionId, DateTimeOffset signedAt)
    {
        var id = interactionId.ToString(CultureInfo.InvariantCulture);
        var body = $$$"""
            {"type":2,"id":"{{{id}}}","application_id":"1100","token":"tok{{{id}}}","version":1,"guild_id":"{{{Guild}}}","channel_id":"{{{Channel}}}",
             "member":{"user":{"id":"80351110224670001","username":"admin","discriminator":"0"},"roles":[],"permissions":"32","nick":"Admin"},
             "data":{"id":"1","name":"quiz","type":1,"options":[{"type":1,"name":"now","options":[]}]}}
            """;
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));
        return new Captured(body, timestamp, signature);
    }

    /// <summary>A slash command in the channel by a member with <paramref name="permissions"/> (32 is
    /// Manage Server), with <paramref name="data"/> as its <c>data</c> object, signed at <paramref name="signedAt"/>.</summary>
    public Captured Command(long interactionId, DateTimeOffset signedAt, string data, string permissions = "32")
    {
        var id = interactionId.ToString(CultureInfo.InvariantCulture);
        var body = $$$"""
            {"type":2,"id":"{{{id}}}","application_id":"1100","token":"tok{{{id}}}","version":1,"guild_id":"{{{Guild}}}","channel_id":"{{{Channel}}}",
             "member":{"user":{"id":"80351110224670001","username":"admin","discriminator":"0"},"roles":[],"permissions":"{{{permissions}}}","nick":"Admin"},
             "data":{{{data}}}}
            """;
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));
        return new Captured(body, timestamp, signature);
    }

    public void Dispose() => _key.Dispose();

    /// <summary>A signed request exactly as it crossed the wire.</summary>
    public sealed record Captured(string Body, string Timestamp, string Signature)
    {
        public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature-Timestamp", Timestamp);
            request.Headers.Add("X-Signature-Ed25519", Signature);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
