using System.Globalization;
using Cl37.Bot.Data;

namespace Cl37.Bot.Quiz;

/// <summary>The times of day a channel's schedule posts at, as stored: the first in
/// <see cref="QuizSchedule.TimeOfDayMinutes"/>, any further ones in <see cref="QuizSchedule.LaterTimesOfDay"/>.</summary>
public static class ScheduleTimes
{
    /// <summary>The most posts a schedule makes in a day.</summary>
    public const int MaxPerDay = 6;

    /// <summary>The least time between two posts of a day, so a question is open for at least an
    /// hour before the default window closes it, an hour before the next one.</summary>
    public const int MinMinutesBetween = 120;

    /// <summary>Times of day (minutes after local midnight) for <paramref name="perDay"/> posts a day,
    /// spread over the waking day, the ones suggested when the deck needs more posts.</summary>
    public static IReadOnlyList<int> Suggested(int perDay) => perDay switch
    {
        1 => [9 * 60],
        2 => [9 * 60, 18 * 60],
        3 => [9 * 60, 13 * 60, 18 * 60],
        4 => [9 * 60, 12 * 60, 15 * 60, 18 * 60],
        5 => [8 * 60, 11 * 60, 14 * 60, 17 * 60, 20 * 60],
        _ => [8 * 60, 10 * 60, 12 * 60, 14 * 60, 16 * 60, 18 * 60],
    };

    /// <summary>Minutes after local midnight, ascending.</summary>
    public static IReadOnlyList<int> Of(QuizSchedule s) => s.LaterTimesOfDay is not { Length: > 0 } later
        ? [s.TimeOfDayMinutes]
        : [s.TimeOfDayMinutes, .. later.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];

    /// <summary>Stores ascending times of day (minutes after local midnight) on the schedule row.</summary>
    public static void Store(QuizSchedule s, IReadOnlyList<int> minutes)
    {
        s.TimeOfDayMinutes = minutes[0];
        s.LaterTimesOfDay = minutes.Count <= 1 ? null : string.Join(',', minutes.Skip(1).Select(t => t.ToString(CultureInfo.InvariantCulture)));
    }
}
