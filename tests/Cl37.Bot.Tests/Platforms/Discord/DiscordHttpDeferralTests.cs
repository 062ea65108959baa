using System.Text;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Tests.Fakes;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>HTTP mode, slow work: the endpoint answers type 5 inline within Discord's 3 s, and the
/// result edits the deferred response through the webhook once that answer has gone out.</summary>
public sealed class DiscordHttpDeferralTests
{
    [Fact]
    public async Task Post_SlowCommand_DefersInlineThenEditsTheOriginal()
    {
        var time = new ArmedTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestHost.CreateAsync(fake, time, new Dictionary<string, string?> { ["Discord:Mode"] = "Http" }, start: true);
        var gate = new TaskCompletionSource();
        host.Handlers["calc"].Gate = gate.Task;
        host.Handlers["calc"].Reply = OutgoingMessage.PrivateText("16 servers");
        var body = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine("Samples", "discord", "interaction_create_command.json"))).RootElement.GetProperty("d").GetRawText();
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var now = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(host.SigningKey, Encoding.UTF8.GetBytes(now + body))));
        request.Headers.Add("X-Signature-Timestamp", now);

        var sending = http.SendAsync(request);
        // The clock moves past the deferral deadline only once the endpoint waits on it.
        var deadline = TimeSpan.FromSeconds(host.Get<Microsoft.Extensions.Options.IOptions<Cl37.Bot.Platforms.Discord.Kernel.DiscordOptions>>().Value.DeferAfterSeconds);
        await time.WhenArmedAsync(deadline);
        time.Advance(deadline);
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(30));
        var initial = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(5, initial.GetProperty("type").GetInt32());
        Assert.Equal(64, initial.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(fake.Requests);
        gate.SetResult();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (fake.Requests.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10);
        var edit = Assert.Single(fake.Requests);
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("webhooks/1100000000000000001/A_UNIQUE_TOKEN/messages/@original", edit.Path);
        Assert.Equal("16 servers", edit.Json.GetProperty("content").GetString());
    }
}
