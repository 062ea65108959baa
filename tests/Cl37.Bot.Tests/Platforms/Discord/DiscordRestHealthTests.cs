using Cl37.Bot.Platforms.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordRestHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Failure_ClearedOnlyByTheSameRouteSucceeding()
    {
        var health = new DiscordRestHealth(_time);
        health.Failed("POST channels/{channel}/messages", _time.GetUtcNow(), "posts failing");

        health.Succeeded("POST interactions/{id}/{token}/callback");
        Assert.Contains("posts failing", health.Failure);

        health.Succeeded("POST channels/{channel}/messages");
        Assert.Null(health.Failure);
    }

    [Fact]
    public void Failure_NotRepeated_AgesOutAfterFiveMinutes_RepeatedStays()
    {
        var health = new DiscordRestHealth(_time);
        health.Failed("POST interactions/{id}/{token}/callback", _time.GetUtcNow(), "one callback failed");
        health.Failed("POST channels/{channel}/messages", _time.GetUtcNow(), "posts failing");

        _time.Advance(TimeSpan.FromMinutes(4));
        health.Failed("POST channels/{channel}/messages", _time.GetUtcNow(), "posts still failing");
        Assert.Contains("1 other route(s)", health.Failure);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("posts still failing (at 2026-11-26 08:04:00 UTC)", health.Failure);

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(health.Failure);
    }
}
