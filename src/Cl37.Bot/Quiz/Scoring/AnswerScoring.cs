using Cl37.Bot.Quiz.Memory;

namespace Cl37.Bot.Quiz.Scoring;

/// <summary>The scoring rule in one place: points with the group's bonuses, the answerer's streak and
/// their FSRS memory of the question. Pure, so the writer can apply it inside its transaction to the
/// state it has just read.</summary>
public static class AnswerScoring
{
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

        // Practice moves the memory too: it is the person's learning, not the group's score.
        var memory = Fsrs.Default.Review(before.Memory, answeredUtc, Grades.RatingOf(isCorrect, basePoints));
        return new ScoredAnswer(counts, counts ? basePoints : 0, streakBonus, speedBonus, streak, best, memory);
    }

    /// <summary>The latency as stored, in whole milliseconds; an answer stamped before its post counts as instant.</summary>
    public static int LatencyMs(TimeSpan sincePost) => (int)Math.Clamp(sincePost.TotalMilliseconds, 0, int.MaxValue);
}
