namespace Cl37.Bot.Quiz;

/// <summary>The group's readiness for its exam, with no individual's figures.</summary>
/// <param name="DeckId">The exam's deck; null for every loaded question.</param>
/// <param name="Asked">Questions of the deck this channel has posted.</param>
/// <param name="Coverage">Whether this channel's schedule asks the rest in time; null without a schedule here.</param>
/// <param name="People">People who answered a question of the deck.</param>
/// <param name="PredictedAverage">Mean of their predicted scores at the exam (0–1).</param>
/// <param name="PredictedSpread">Standard deviation of their predicted scores.</param>
/// <param name="WeakestTopics">Up to three topics with the lowest predicted recall over the group.</param>
public sealed record ExamReport(
    DateOnly Date,
    string? DeckId,
    int DeckSize,
    int Asked,
    ExamCoverage? Coverage,
    int People,
    double PredictedAverage,
    double PredictedSpread,
    IReadOnlyList<TopicForecast> WeakestTopics);
