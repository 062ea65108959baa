namespace Cl37.Bot.Quiz;

/// <summary>A topic's predicted recall at the exam (0–1) and how much practice would add to it.</summary>
public sealed record TopicForecast(string Topic, double Recall, double Gain);
