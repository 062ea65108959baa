using Cl37.Bot.Platforms.Discord.Incoming;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordReplayGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void TryClaim_SameIdTwice_OnlyTheFirstIsClaimed()
    {
        var guard = new DiscordReplayGuard(_time);

        Assert.True(guard.TryClaim(1100000000000000001, Now));
        Assert.False(guard.TryClaim(1100000000000000001, Now));
        Assert.True(guard.TryClaim(1100000000000000002, Now));
    }

    [Fact]
    public void TryClaim_IdWhoseTimestampIsNoLongerFresh_IsForgotten()
    {
        var guard = new DiscordReplayGuard(_time);
        guard.TryClaim(1, Now);

        _time.Advance(DiscordInteractionsEndpoint.TimestampTolerance + TimeSpan.FromSeconds(61));
        guard.TryClaim(2, Now);

        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void TryClaim_TimestampAheadOfTheClock_IsKeptWhileAReplayCouldStillPass()
    {
        var guard = new DiscordReplayGuard(_time);
        var signedAhead = Now + 4 * 60;
        guard.TryClaim(1, signedAhead);

        // Six minutes on, that timestamp is two minutes old: still fresh, so a replay must still be refused.
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(DiscordInteractionsEndpoint.Fresh(signedAhead.ToString(System.Globalization.CultureInfo.InvariantCulture), _time, out _));
        guard.TryClaim(2, Now);

        Assert.False(guard.TryClaim(1, signedAhead));
        Assert.Equal(2, guard.Count);
    }

    [Fact]
    public void TryClaim_IdsOfOneMinute_AreForgottenTogetherOnceTheLastOfThemIsStale()
    {
        var guard = new DiscordReplayGuard(_time);
        var start = Now;
        // Signed at 09:00:00 and 09:00:59: fresh until 09:05:00 and 09:05:59.
        guard.TryClaim(1, start);
        guard.TryClaim(2, start + 59);

        _time.Advance(DiscordInteractionsEndpoint.TimestampTolerance + TimeSpan.FromSeconds(30));
        guard.TryClaim(3, Now);
        Assert.Equal(3, guard.Count);
        Assert.False(guard.TryClaim(2, start + 59));

        _time.Advance(TimeSpan.FromSeconds(30));
        guard.TryClaim(4, Now);
        Assert.Equal(2, guard.Count);
    }
}
