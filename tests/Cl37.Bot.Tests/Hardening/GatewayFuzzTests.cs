using System.Text.Json.Nodes;
using Cl37.Bot.Platforms.Discord;
using Cl37.Bot.Platforms.Discord.Gateway;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Mutated INTERACTION_CREATE dispatches down a live gateway socket: the client never stops,
/// never drops the session over one bad event, and keeps heartbeating with the latest sequence.</summary>
public sealed class GatewayFuzzTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer _fake = null!;
    private DiscordTestHost _host = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _host = await DiscordTestHost.CreateAsync(_fake, _time);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(10)));
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Dispatch_MutatedInteractions_ConnectionStaysReadyAndHeartbeatsLatestSequence()
    {
        string[] samples = [.. new[] { "interaction_create_command.json", "interaction_create_button.json", "interaction_create_modal.json", "interaction_create_select.json" }
            .Select(n => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "discord", n)))!["d"]!.ToJsonString())];
        _run = _host.Get<DiscordGatewayClient>().RunAsync(_stop.Token);
        var conn = await _fake.NextConnectionAsync(TimeSpan.FromSeconds(10));
        await conn.SendHelloAsync(45000);
        await conn.ReceiveAsync();
        await conn.SendReadyAsync("session-1", _fake.ResumeUrl, seq: 1);
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
        Assert.False(_run.IsCompleted, "the gateway client stopped");
        Assert.False(_fake.HasPendingConnection, "the gateway client reconnected over a bad event");
        Assert.Equal(DiscordConnectionState.Kind.Ready, _host.Get<DiscordConnectionState>().State);
        for (var i = 0; i < 500 && _fake.RequestsTo("POST", "interactions/").Count < 20; i++)
            await Task.Delay(10);
        Assert.True(_fake.RequestsTo("POST", "interactions/").Count >= 20, "the mutated interactions never reached the handler");
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase));
    }
}
