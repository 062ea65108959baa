using Cl37.Bot.Quiz.Scoring;

namespace Cl37.Bot.Quiz;

/// <summary>A graded answer waiting to be scored and stored.</summary>
/// <param name="Practice">Answered on a practice post; a group post may still turn out closed when stored.</param>
/// <param name="Periods">Leaderboard periods the points go to; empty for practice.</param>
public sealed record PendingAnswer(
    long GroupId,
    long PostId,
    string QuestionId,
    string PersonExternalId,
    string DisplayName,
    string Response,
    double BasePoints,
    bool IsCorrect,
    bool Practice,
    DateTime AnsweredUtc,
    TimeSpan SincePost,
    IReadOnlyList<string> Periods,
    BonusSettings Bonuses)
{
    /// <summary>The version of the question the answer was graded against.</summary>
    public string? QuestionVersion { get; init; }
}
