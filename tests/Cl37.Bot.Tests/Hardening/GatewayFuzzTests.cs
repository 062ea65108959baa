using Cl37.Bot.Tests.Scheduling;
using System.Text.Json.Nodes;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Tests.Platforms.Discord;
using CsCheck;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Mutated INTERACTION_CREATE dispatches down a live gateway socket: the client never stops,
/// never drops the session over one bad event, and keeps heartbeating with the latest sequence.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class GatewayFuzzTests : LiveGatewayTests
{
    [Fact]
    public async Task Dispatch_MutatedInteractions_ConnectionStaysReadyAndHeartbeatsLatestSequence()
    {
        string[] samples = [.. new[] { "interaction_create_command.json", "interaction_create_button.json", "interaction_create_modal.json", "interaction_create_select.json" }
            .Select(n => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "discord", n)))!["d"]!.ToJsonString())];
        Run = Host.Get<DiscordGatewayClient>().RunAsync(Stop.Token);
        var conn = await Fake.NextConnectionAsync(TimeSpan.FromSeconds(10));
        await conn.SendHelloAsync(45000);
        await conn.ReceiveAsync();
        await conn.SendReadyAsync("session-1", Fake.ResumeUrl, seq: 1);
        var seq = 1L;

        // Only mutations that keep the frame valid JSON: Discord never sends broken frames, but it does
        // send shapes this bot has not seen (new fields, nulls, missing members).
        await JsonMutation.Gen(samples.Length).Where(m => m.Kind is 0 or 1 or 2).SampleAsync(async m =>
        {
            await conn.SendDispatchAsync("INTERACTION_CREATE", m.Apply(samples), ++seq);
        }, iter: 200, threads: 1, seed: "0001nHM04qD3");
        await conn.SendHeartbeatRequestAsync();
        var beat = await conn.ReceiveHeartbeatAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(seq, beat.GetProperty("d").GetInt64());
        Assert.False(Run.IsCompleted, "the gateway client stopped");
        Assert.False(Fake.HasPendingConnection, "the gateway client reconnected over a bad event");
        Assert.Equal(DiscordConnectionState.Kind.Ready, Host.Get<DiscordConnectionState>().State);
        await Eventually.TrueAsync(() => Fake.RequestsTo("POST", "interactions/").Count >= 20, "the mutated interactions to reach the handler");
        Assert.True(Fake.RequestsTo("POST", "interactions/").Count >= 20, "the mutated interactions never reached the handler");
        Assert.DoesNotContain(Host.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase));
    }
}
