namespace Cl37.Bot.Scheduling;

/// <summary>One scheduled daily question: its local date (the claim key), the instant it posts and
/// the instant its answers close.</summary>
public readonly record struct DailyOccurrence(DateOnly Date, DateTimeOffset At, DateTimeOffset Closes);
