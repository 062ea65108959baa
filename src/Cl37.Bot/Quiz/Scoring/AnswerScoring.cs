namespace Cl37.Bot.Quiz.Scoring;

/// <summary>The scoring rule in one place: points with the group's bonuses, the answerer's streak and
/// the question's Leitner box. Pure, so the writer can apply it inside its transaction to the state
/// it has just read.</summary>
public static class AnswerScoring
{
    public const int MaxReviewBox = 5;

    /// <summary>A wrong answer comes back for review soon, while it is still fresh.</summary>
    public static readonly TimeSpan RetryAfterWrong = TimeSpan.FromMinutes(10);

    /// <param name="basePoints">The grade's points.</param>
    /// <param name="counts">Whether the answer is scored: not practice, and the post still open.</param>
    /// <param name="sincePost">How long after the post the answer came.</param>
    public static ScoredAnswer Score(
        double basePoints,
        bool isCorrect,
        bool counts,
        BonusSettings bonuses,
        AnswererState before,
        TimeSpan sincePost,
        DateTime answeredUtc)
    {
        var rewarded = counts && isCorrect;
        var streakBonus = rewarded && bonuses.Streak ? Bonuses.Streak(before.Streak) : 0;
        var speedBonus = rewarded && bonuses.Speed ? Bonuses.Speed(LatencyMs(sincePost)) : 0;

        // Practice leaves the streak alone: only scored answers make or break it.
        var streak = !counts ? before.Streak : isCorrect ? before.Streak + 1 : 0;
        var best = rewarded ? Math.Max(before.BestStreak, streak) : before.BestStreak;

        var (box, due) = Review(before.ReviewBox, isCorrect, answeredUtc);
        return new ScoredAnswer(counts, counts ? basePoints : 0, streakBonus, speedBonus, streak, best, box, due);
    }

    /// <summary>The latency as stored, in whole milliseconds; an answer stamped before its post counts as instant.</summary>
    public static int LatencyMs(TimeSpan sincePost) => (int)Math.Clamp(sincePost.TotalMilliseconds, 0, int.MaxValue);

    /// <summary>Leitner boxes: right moves the question up a box and further out (1, 2, 4, 8, then
    /// 16 days), wrong sends it back to box 1. Practice moves it too: it is the person's learning,
    /// not the group's score.</summary>
    private static (int Box, DateTime DueUtc) Review(int? box, bool isCorrect, DateTime answeredUtc)
    {
        if (!isCorrect)
            return (1, answeredUtc + RetryAfterWrong);
        return box switch
        {
            null => (1, answeredUtc.AddDays(1)),
            1 => (2, answeredUtc.AddDays(2)),
            2 => (3, answeredUtc.AddDays(4)),
            3 => (4, answeredUtc.AddDays(8)),
            >= MaxReviewBox => (MaxReviewBox, answeredUtc.AddDays(16)),
            { } other => (other + 1, answeredUtc.AddDays(16)),
        };
    }
}
