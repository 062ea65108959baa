namespace Cl37.Bot.Scheduling;

/// <summary>One scheduled question: its local date and slot (the n-th time of the day, from 0) — together
/// the claim key — the instant it posts and the instant its answers close.</summary>
public readonly record struct DailyOccurrence(DateOnly Date, int Slot, DateTimeOffset At, DateTimeOffset Closes);
