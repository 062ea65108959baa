using System.Globalization;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Scheduling;

/// <summary>A channel's daily-question times in its own zone. The instants are the ones Quartz's cron
/// trigger fires at (a test holds the two together): a local time that does not exist on a
/// spring-forward day posts at the end of the gap (02:30 over a 02:00→03:00 jump posts at 03:00);
/// a local time that happens twice on a fall-back day posts at its first occurrence only.</summary>
public sealed record DailySchedule(int TimeOfDayMinutes, TimeZoneInfo Zone, int DaysMask, int? WindowMinutes)
{
    /// <summary>Without an explicit window, answers close this long before the next post.</summary>
    public static readonly TimeSpan DefaultCloseBeforeNext = TimeSpan.FromHours(1);

    /// <summary>How late a post may still go out after local midnight passed since its time
    /// (a fire delayed across midnight by a busy machine).</summary>
    public static readonly TimeSpan LateFireGrace = TimeSpan.FromMinutes(1);

    private static readonly string[] CronDays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static DailySchedule From(QuizSchedule s) => new(s.TimeOfDayMinutes, TimeZones.FindOrUtc(s.TimeZone), s.DaysMask, s.WindowMinutes);

    /// <summary>The Quartz cron expression (seconds first) for this schedule, read in <see cref="Zone"/>.</summary>
    public string CronExpression
    {
        get
        {
            var days = (DaysMask & WeekDays.All) == WeekDays.All
                ? "*"
                : string.Join(',', Enumerable.Range(0, 7).Where(d => (DaysMask & (1 << d)) != 0).Select(d => CronDays[d]));
            return string.Create(CultureInfo.InvariantCulture, $"0 {TimeOfDayMinutes % 60} {TimeOfDayMinutes / 60} ? * {days}");
        }
    }

    public bool PostsOn(DateOnly date) => WeekDays.Contains(DaysMask, date.DayOfWeek);

    /// <summary>The instant of the post scheduled for a local date (whether or not it is a posting day).</summary>
    public DateTimeOffset InstantOn(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(TimeOfDayMinutes);
        if (Zone.IsInvalidTime(local))
        {
            // The first wall-clock minute after the gap is the instant the clocks moved.
            var after = local;
            while (Zone.IsInvalidTime(after))
                after = after.AddMinutes(1);
            return new DateTimeOffset(after, Zone.GetUtcOffset(after));
        }
        if (Zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The first post strictly after <paramref name="instant"/>, or null when no weekday is set.</summary>
    public DailyOccurrence? NextAfter(DateTimeOffset instant)
    {
        var date = LocalDate(instant).AddDays(-1);
        for (var i = 0; i < 10; i++, date = date.AddDays(1))
        {
            if (PostsOn(date) && InstantOn(date) is var at && at > instant)
                return Occurrence(date, at);
        }
        return null;
    }

    /// <summary>The latest post at or before <paramref name="instant"/>, or null when no weekday is set.</summary>
    public DailyOccurrence? LatestAtOrBefore(DateTimeOffset instant)
    {
        var date = LocalDate(instant).AddDays(1);
        for (var i = 0; i < 10; i++, date = date.AddDays(-1))
        {
            if (PostsOn(date) && InstantOn(date) is var at && at <= instant)
                return Occurrence(date, at);
        }
        return null;
    }

    /// <summary>The post owed at <paramref name="now"/>: the latest scheduled one, if it was scheduled
    /// at or after the schedule was set, it is still the same local day, and its window is open.
    /// This is the whole catch-up rule: a bot that was down posts late on the same day, never
    /// yesterday's question and never after the answers would have closed.</summary>
    public DailyOccurrence? DueAt(DateTimeOffset now, DateTimeOffset scheduleSetAt)
    {
        if (LatestAtOrBefore(now) is not { } latest)
            return null;
        if (latest.At < scheduleSetAt || now >= latest.Closes)
            return null;
        if (LocalDate(now) != latest.Date && now - latest.At > LateFireGrace)
            return null;
        return latest;
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private DailyOccurrence Occurrence(DateOnly date, DateTimeOffset at)
    {
        DateTimeOffset closes;
        if (WindowMinutes is { } window)
        {
            closes = at.AddMinutes(window);
        }
        else
        {
            var next = date.AddDays(1);
            while (!PostsOn(next))
                next = next.AddDays(1);
            closes = InstantOn(next) - DefaultCloseBeforeNext;
        }
        return new DailyOccurrence(date, at, closes);
    }
}
