namespace Cl37.Bot.Quiz;

/// <summary>A channel's daily schedule as stored, and its next question.</summary>
/// <param name="Times">Times of day, ascending.</param>
/// <param name="Days">Weekdays as a <see cref="WeekDays"/> mask.</param>
/// <param name="NextAt">When the next question posts, in the schedule's zone; null when none will.</param>
/// <param name="NextCloses">When that question's answers close, in the schedule's zone.</param>
public sealed record ScheduleView(
    IReadOnlyList<TimeOnly> Times,
    string TimeZone,
    int Days,
    int? WindowMinutes,
    bool HideResults,
    string? DeckId,
    DateTimeOffset? NextAt,
    DateTimeOffset? NextCloses);
