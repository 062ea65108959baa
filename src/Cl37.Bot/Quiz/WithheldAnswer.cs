namespace Cl37.Bot.Quiz;

/// <summary>A scored answer to a post that hid its results, waiting for the reveal to count it.</summary>
/// <param name="Periods">The leaderboard periods it goes to, as of when it was given.</param>
public sealed record WithheldAnswer(long PersonId, string QuestionId, double Points, bool IsCorrect, DateTime AnsweredUtc, IReadOnlyList<string> Periods);
