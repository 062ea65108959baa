using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>A person's answers in numbers: totals, accuracy by question type and topic (scored answers
/// only), their weakest questions (practice included) and, before an exam, their forecast.</summary>
public sealed record StatsReport(
    string DisplayName,
    int Scored,
    int ScoredCorrect,
    double Points,
    int Practice,
    int PracticeCorrect,
    int CurrentStreak,
    int BestStreak,
    IReadOnlyList<StatsLine<QuestionKind>> ByKind,
    IReadOnlyList<StatsLine<string>> ByTopic,
    IReadOnlyList<StatsLine<Question>> Weakest,
    PersonalForecast? Exam = null);
