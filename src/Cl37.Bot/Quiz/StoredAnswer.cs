using System.Diagnostics.CodeAnalysis;
using Cl37.Bot.Quiz.Scoring;

namespace Cl37.Bot.Quiz;

/// <summary>What the database holds for a (post, person) after a write: the new answer, or the
/// first one when this was a repeat.</summary>
/// <param name="Score">How the new answer was scored; null on a repeat, whose first answer stands.</param>
public sealed record StoredAnswer(long PersonId, string Response, double Points, bool IsCorrect, bool Practice, ScoredAnswer? Score)
{
    [MemberNotNullWhen(true, nameof(Score))]
    public bool Inserted => Score is not null;
}
