using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;

namespace Cl37.Bot.Tests.Quiz.Scoring;

public sealed class AnswerScoringTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    // grade and whether it counts
    [InlineData(10, true, true, false, false, 0, 30000, 10, 0, 0)]
    [InlineData(0, false, true, true, true, 3, 30000, 0, 0, 0)]
    [InlineData(5, false, true, true, true, 3, 30000, 5, 0, 0)]
    [InlineData(10, true, false, true, true, 3, 30000, 0, 0, 0)]
    // streak bonus: +1 per right answer in a row before this one, at most +5
    [InlineData(10, true, true, true, false, 0, 30000, 10, 0, 0)]
    [InlineData(10, true, true, true, false, 1, 30000, 10, 1, 0)]
    [InlineData(10, true, true, true, false, 4, 30000, 10, 4, 0)]
    [InlineData(10, true, true, true, false, 5, 30000, 10, 5, 0)]
    [InlineData(10, true, true, true, false, 12, 30000, 10, 5, 0)]
    // speed bonus on whole milliseconds since the post: +3 within a minute, +2 within ten, +1 within the hour
    [InlineData(10, true, true, false, true, 0, -5000, 10, 0, 3)]
    [InlineData(10, true, true, false, true, 0, 0, 10, 0, 3)]
    [InlineData(10, true, true, false, true, 0, 60000, 10, 0, 3)]
    [InlineData(10, true, true, false, true, 0, 60000.9, 10, 0, 3)]
    [InlineData(10, true, true, false, true, 0, 60001, 10, 0, 2)]
    [InlineData(10, true, true, false, true, 0, 600000, 10, 0, 2)]
    [InlineData(10, true, true, false, true, 0, 600001, 10, 0, 1)]
    [InlineData(10, true, true, false, true, 0, 3600000, 10, 0, 1)]
    [InlineData(10, true, true, false, true, 0, 3600001, 10, 0, 0)]
    [InlineData(10, true, true, false, true, 0, 3e9, 10, 0, 0)]
    // both
    [InlineData(10, true, true, true, true, 1, 30000, 10, 1, 3)]
    [InlineData(10, true, true, true, true, 7, 900000, 10, 5, 1)]
    public void Score_Points_BaseAndBonusesAsTheGroupSetThem(
        double grade, bool isCorrect, bool counts, bool streakOn, bool speedOn, int streakBefore, double msSincePost,
        double basePoints, double streakBonus, double speedBonus)
    {
        var scored = AnswerScoring.Score(grade, isCorrect, counts, new BonusSettings(streakOn, speedOn),
            new AnswererState(streakBefore, streakBefore, null), Ms(msSincePost), Now);

        Assert.Equal(counts, scored.Scored);
        Assert.Equal(!counts, scored.Practice);
        Assert.Equal(basePoints, scored.BasePoints);
        Assert.Equal(streakBonus, scored.StreakBonus);
        Assert.Equal(speedBonus, scored.SpeedBonus);
        Assert.Equal(streakBonus + speedBonus, scored.Bonus);
        Assert.Equal(basePoints + streakBonus + speedBonus, scored.Points);
    }

    [Theory]
    [InlineData(true, true, 2, 5, 3, 5)]
    [InlineData(true, true, 5, 5, 6, 6)]
    [InlineData(true, true, 0, 0, 1, 1)]
    [InlineData(false, true, 4, 6, 0, 6)]
    [InlineData(true, false, 2, 5, 2, 5)]
    [InlineData(false, false, 2, 5, 2, 5)]
    public void Score_Streak_OnlyScoredAnswersMakeOrBreakIt(bool isCorrect, bool counts, int streak, int best, int streakAfter, int bestAfter)
    {
        var scored = AnswerScoring.Score(isCorrect ? 10 : 0, isCorrect, counts, BonusSettings.None,
            new AnswererState(streak, best, null), TimeSpan.Zero, Now);

        Assert.Equal(streakAfter, scored.Streak);
        Assert.Equal(bestAfter, scored.BestStreak);
    }

    [Theory]
    [InlineData(10.0, true, 2.3065, 3)]
    [InlineData(0.0, false, 0.212, 1)]
    [InlineData(6.0, false, 2.3065, 3)]
    [InlineData(5.0, false, 0.212, 1)]
    public void Score_FirstAnswer_StartsTheFsrsMemoryGoodForRightOrMoreThanHalfCredit(double points, bool isCorrect, double stability, int days)
    {
        foreach (var counts in new[] { true, false })
        {
            var scored = AnswerScoring.Score(points, isCorrect, counts, BonusSettings.None, new AnswererState(0, 0, null), TimeSpan.Zero, Now);

            Assert.Equal(stability, scored.Memory.Stability, 12);
            Assert.Equal(Now.AddDays(days), scored.Memory.DueUtc);
        }
    }

    [Fact]
    public void Score_WrongAfterALongGap_ShrinksStabilityAndComesBackWithinDays()
    {
        var before = new MemoryState(20, 5, Now.AddDays(-30), 20);

        var scored = AnswerScoring.Score(0, false, true, BonusSettings.None, new AnswererState(3, 3, before), TimeSpan.Zero, Now);

        Assert.InRange(scored.Memory.Stability, 0.5, 20);
        Assert.True(scored.Memory.Difficulty > 5);
        Assert.InRange(scored.Memory.DueUtc, Now.AddDays(1), Now.AddDays(3));
    }

    [Theory]
    [InlineData(-1.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(1.9, 1)]
    [InlineData(60_000.9, 60_000)]
    [InlineData(1e13, int.MaxValue)]
    public void LatencyMs_TimeSincePost_WholeMillisecondsNeverNegative(double milliseconds, int expected) =>
        Assert.Equal(expected, AnswerScoring.LatencyMs(Ms(milliseconds)));

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
}
