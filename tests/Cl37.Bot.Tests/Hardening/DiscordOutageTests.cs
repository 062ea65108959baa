using Cl37.Bot.Chat;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Discord REST answering 5xx or 429, or not listening at all, for a long stretch: every call gives up
/// after its retries with an exception the poster retries later, health shows Discord degraded, and the
/// first success clears it.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class DiscordOutageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;
    private LoopbackSwitch _rest = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _rest = LoopbackSwitch.Start(_fake.BaseUri);
        _host = await DiscordTestHost.CreateAsync(_fake, _time, new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:ApiBaseUrl"] = _rest.Through(_fake.BaseUri) + "api/v10",
        }, start: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rest.DisposeAsync();
        await _fake.DisposeAsync();
    }

    public static TheoryData<string> Outages() => ["503", "429", "refused"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Post_DiscordFailingThroughEveryRetry_ThrowsShowsDegradedThenRecovers(string outage)
    {
        var platform = _host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");
        var channel = new ChannelRef("discord", "2200", "3300");
        Assert.Equal(HealthStatus.Healthy, await DiscordHealthAsync());
        if (outage == "refused")
            _rest.Off();
        else
            _fake.Responder = r => !r.Path.StartsWith("channels/", StringComparison.Ordinal) ? null
                : outage == "503" ? new FakeDiscordResponse(503, "upstream connect error") : FakeDiscordResponse.RateLimited(30, global: false);

        var failed = await Record.ExceptionAsync(() => RunWithClockAsync(platform.PostAsync(channel, OutgoingMessage.PublicText("Daily question"), CancellationToken.None)));

        Assert.NotNull(failed);
        Assert.IsNotType<OperationCanceledException>(failed);
        Assert.Equal(HealthStatus.Degraded, await DiscordHealthAsync());
        _fake.Responder = null;
        _rest.On();
        var id = await RunWithClockAsync(platform.PostAsync(channel, OutgoingMessage.PublicText("Daily question"), CancellationToken.None));
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(HealthStatus.Healthy, await DiscordHealthAsync());
    }

    [Fact]
    public async Task Health_ChannelPostsFailingWhileInteractionCallbacksWork_StaysDegradedUntilAPostSucceeds()
    {
        var platform = _host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");
        var rest = _host.Get<Cl37.Bot.Platforms.Discord.Outgoing.DiscordRestClient>();
        var channel = new ChannelRef("discord", "2200", "3300");
        _fake.Responder = r => r.Path.StartsWith("channels/", StringComparison.Ordinal) ? new FakeDiscordResponse(503, "upstream connect error") : null;
        await Record.ExceptionAsync(() => RunWithClockAsync(platform.PostAsync(channel, OutgoingMessage.PublicText("Daily question"), CancellationToken.None)));

        await RunWithClockAsync(Done(rest.RespondAsync("9001", "tok", new Cl37.Bot.Platforms.Discord.Wire.InteractionResponse { Type = Cl37.Bot.Platforms.Discord.Wire.InteractionCallbackType.ChannelMessageWithSource }, _host.Get<TimeProvider>().GetUtcNow() + Cl37.Bot.Platforms.Discord.Outgoing.DiscordRestClient.InitialResponseWindow, CancellationToken.None)));

        Assert.Equal(HealthStatus.Degraded, await DiscordHealthAsync());
        _fake.Responder = null;
        await RunWithClockAsync(platform.PostAsync(channel, OutgoingMessage.PublicText("Daily question"), CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, await DiscordHealthAsync());
    }

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }

    private async Task<HealthStatus> DiscordHealthAsync()
    {
        var report = await _host.Get<HealthCheckService>().CheckHealthAsync(c => c.Name == "discord");
        return report.Entries["discord"].Status;
    }

    /// <summary>Moves the fake clock through the client's backoffs and rate-limit waits; bounded.</summary>
    private async Task<T> RunWithClockAsync<T>(Task<T> work)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        Assert.True(work.IsCompleted, "the call neither finished nor gave up");
        return await work;
    }
}
