namespace Cl37.Bot.Quiz;

/// <summary>A graded answer waiting to be stored.</summary>
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
    int LatencyMs,
    IReadOnlyList<string> Periods,
    bool StreakBonus,
    bool SpeedBonus);
