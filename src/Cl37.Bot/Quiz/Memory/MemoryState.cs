namespace Cl37.Bot.Quiz.Memory;

/// <summary>What FSRS knows of one person and one question after a review.</summary>
/// <param name="Stability">Days until the chance of recall falls to 90 %.</param>
/// <param name="Difficulty">1 (easy) to 10 (hard).</param>
/// <param name="LastReviewUtc">When the person last answered it.</param>
/// <param name="IntervalDays">Whole days until the next review is due.</param>
public sealed record MemoryState(double Stability, double Difficulty, DateTime LastReviewUtc, int IntervalDays)
{
    public DateTime DueUtc => LastReviewUtc.AddDays(IntervalDays);
}
