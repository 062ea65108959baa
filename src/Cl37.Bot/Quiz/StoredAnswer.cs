namespace Cl37.Bot.Quiz;

/// <summary>What the database holds for a (post, person) after a write: the new answer, or the
/// first one when this was a repeat.</summary>
public sealed record StoredAnswer(bool Inserted, long PersonId, string Response, double Points, bool IsCorrect, bool Practice, int Streak);
