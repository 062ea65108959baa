namespace Cl37.Bot.Quiz;

/// <summary>A daily schedule as an admin asked for it, already checked.</summary>
/// <param name="Times">Times of day, ascending, without duplicates; at least one.</param>
/// <param name="Days">Weekdays as a <see cref="WeekDays"/> mask.</param>
/// <param name="WindowMinutes">How long answers stay open; null for until an hour before the next post.</param>
public sealed record ScheduleRequest(IReadOnlyList<TimeOnly> Times, TimeZoneInfo Zone, int Days, int? WindowMinutes, bool HideResults, string? DeckId);
