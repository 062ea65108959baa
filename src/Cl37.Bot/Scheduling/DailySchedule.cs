using System.Globalization;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Scheduling;

/// <summary>A channel's daily-question times in its own zone: one or more times of day (ascending),
/// each a slot of the day's posts. The instants are the ones Quartz's cron triggers fire at (a test
/// holds the two together): a local time that does not exist on a spring-forward day posts at the
/// end of the gap (02:30 over a 02:00→03:00 jump posts at 03:00); a local time that happens twice
/// on a fall-back day posts at its first occurrence only.</summary>
public sealed record DailySchedule(IReadOnlyList<int> TimesOfDayMinutes, TimeZoneInfo Zone, int DaysMask, int? WindowMinutes)
{
    /// <summary>Without an explicit window, answers close this long before the next post.</summary>
    public static readonly TimeSpan DefaultCloseBeforeNext = TimeSpan.FromHours(1);

    /// <summary>How late a post may still go out after local midnight passed since its time
    /// (a fire delayed across midnight by a busy machine).</summary>
    public static readonly TimeSpan LateFireGrace = TimeSpan.FromMinutes(1);

    private static readonly string[] CronDays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public DailySchedule(int timeOfDayMinutes, TimeZoneInfo zone, int daysMask, int? windowMinutes)
        : this([timeOfDayMinutes], zone, daysMask, windowMinutes)
    {
    }

    public static DailySchedule From(QuizSchedule s) => new(ScheduleTimes.Of(s), TimeZones.FindOrUtc(s.TimeZone), s.DaysMask, s.WindowMinutes);

    public int PerDay => TimesOfDayMinutes.Count;

    /// <summary>The Quartz cron expressions (seconds first), one per time of day, read in <see cref="Zone"/>.</summary>
    public IReadOnlyList<string> CronExpressions => [.. TimesOfDayMinutes.Select(CronAt)];

    /// <summary>The cron expression of the first time of day.</summary>
    public string CronExpression => CronExpressions[0];

    private string CronAt(int minutes)
    {
        var days = (DaysMask & WeekDays.All) == WeekDays.All
            ? "*"
            : string.Join(',', Enumerable.Range(0, 7).Where(d => (DaysMask & (1 << d)) != 0).Select(d => CronDays[d]));
        return string.Create(CultureInfo.InvariantCulture, $"0 {minutes % 60} {minutes / 60} ? * {days}");
    }

    public bool PostsOn(DateOnly date) => WeekDays.Contains(DaysMask, date.DayOfWeek);

    /// <summary>The instant of the first post scheduled for a local date (whether or not it is a posting day).</summary>
    public DateTimeOffset InstantOn(DateOnly date) => InstantOn(date, 0);

    /// <summary>The instant of a slot's post on a local date (whether or not it is a posting day).</summary>
    public DateTimeOffset InstantOn(DateOnly date, int slot)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(TimesOfDayMinutes[slot]);
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
            if (!PostsOn(date))
                continue;
            for (var slot = 0; slot < PerDay; slot++)
            {
                if (InstantOn(date, slot) is var at && at > instant)
                    return Occurrence(date, slot, at);
            }
        }
        return null;
    }

    /// <summary>The latest post at or before <paramref name="instant"/>, or null when no weekday is set.</summary>
    public DailyOccurrence? LatestAtOrBefore(DateTimeOffset instant)
    {
        var date = LocalDate(instant).AddDays(1);
        for (var i = 0; i < 10; i++, date = date.AddDays(-1))
        {
            if (!PostsOn(date))
                continue;
            for (var slot = PerDay - 1; slot >= 0; slot--)
            {
                if (InstantOn(date, slot) is var at && at <= instant)
                    return Occurrence(date, slot, at);
            }
        }
        return null;
    }

    /// <summary>The posts strictly after <paramref name="from"/> and before <paramref name="until"/>, in order.</summary>
    public IEnumerable<DailyOccurrence> Between(DateTimeOffset from, DateTimeOffset until)
    {
        var next = NextAfter(from);
        while (next is { } n && n.At < until)
        {
            yield return n;
            next = NextAfter(n.At);
        }
    }

    /// <summary>The post owed at <paramref name="now"/>: the latest scheduled one, if it was scheduled
    /// at or after the schedule was set, it is still the same local day, and its window is open.
    /// This is the whole catch-up rule: a bot that was down posts late on the same day, never
    /// yesterday's question and never after the answers would have closed; of several posts a day
    /// only the latest one owed goes out.</summary>
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

    private DailyOccurrence Occurrence(DateOnly date, int slot, DateTimeOffset at)
    {
        DateTimeOffset closes;
        if (WindowMinutes is { } window)
        {
            closes = at.AddMinutes(window);
        }
        else if (slot + 1 < PerDay)
        {
            closes = InstantOn(date, slot + 1) - DefaultCloseBeforeNext;
        }
        else
        {
            var next = date.AddDays(1);
            while (!PostsOn(next))
                next = next.AddDays(1);
            closes = InstantOn(next, 0) - DefaultCloseBeforeNext;
        }
        return new DailyOccurrence(date, slot, at, closes);
    }
}
