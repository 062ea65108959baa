namespace Cl37.Bot.Quiz;

/// <summary>A person's predicted exam score (mean recall over the deck at the exam date, never-seen
/// questions at the group's facility) and the topics practice would raise the most.</summary>
public sealed record PersonalForecast(DateOnly Date, double PredictedScore, IReadOnlyList<TopicForecast> GainTopics);
