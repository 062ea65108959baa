using Cl37.Bot.Quiz.Memory;

namespace Cl37.Bot.Quiz.Scoring;

/// <summary>What scoring needs to know of the answerer before this answer, as the database holds it.</summary>
/// <param name="Streak">Scored answers right in a row so far.</param>
/// <param name="Memory">The person's FSRS memory of the question; null before their first answer to it.</param>
public sealed record AnswererState(int Streak, int BestStreak, MemoryState? Memory)
{
    public static AnswererState Newcomer { get; } = new(0, 0, null);
}
