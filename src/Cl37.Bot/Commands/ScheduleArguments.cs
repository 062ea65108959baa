using System.Globalization;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>Checks <c>/quiz schedule set</c>'s arguments together and reads them into a <see cref="ScheduleRequest"/>.</summary>
public static class ScheduleArguments
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The request, or null with what is wrong with the first wrong argument.</summary>
    public static ScheduleRequest? Parse(ScheduleSetArguments arguments, string defaultZone, out ScheduleArgumentError? error)
    {
        if (!TryParseTimes(arguments.Time, out var times, out error))
            return null;
        var zoneName = arguments.Zone ?? defaultZone;
        if (!TimeZones.TryFind(zoneName, out var zone))
        {
            error = new ScheduleArgumentError.UnknownZone(zoneName);
            return null;
        }
        if (TimeZones.IsAbbreviation(zoneName!))
        {
            error = new ScheduleArgumentError.ZoneAbbreviation(zoneName!);
            return null;
        }
        if (!TryParseDays(arguments.Days, out var days, out error))
            return null;
        int? windowMinutes = null;
        if (arguments.WindowHours is { } hours)
        {
            windowMinutes = (int)Math.Round(hours * 60);
            var minutes = times.Select(t => t.Hour * 60 + t.Minute).ToList();
            // From the day's last post to the next posting day's first, or between two posts of a day.
            var shortestGap = minutes.Zip(minutes.Skip(1), (a, b) => b - a)
                .Append(WeekDays.ShortestGapDays(days) * 24 * 60 - (minutes[^1] - minutes[0])).Min();
            if (windowMinutes <= 0 || windowMinutes > shortestGap)
            {
                error = new ScheduleArgumentError.WindowTooLong(shortestGap / 60.0);
                return null;
            }
        }
        return new ScheduleRequest(times, zone, days, windowMinutes, arguments.HideResults, arguments.Deck);
    }

    /// <summary>One or more 24-hour times, comma-separated (09:00,13:00,18:00), sorted; at most
    /// <see cref="ScheduleTimes.MaxPerDay"/>, each two at least
    /// <see cref="ScheduleTimes.MinMinutesBetween"/> apart, across midnight too.</summary>
    public static bool TryParseTimes(string text, out IReadOnlyList<TimeOnly> times, out ScheduleArgumentError? error)
    {
        times = [];
        error = null;
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
            items = [text];
        var parsed = new List<TimeOnly>();
        foreach (var item in items)
        {
            if (!TimeOnly.TryParseExact(item, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                error = new ScheduleArgumentError.NotATime(item, OneOfSeveral: items.Length > 1);
                return false;
            }
            if (parsed.Contains(at))
            {
                error = new ScheduleArgumentError.TimeTwice(at);
                return false;
            }
            parsed.Add(at);
        }
        if (parsed.Count > ScheduleTimes.MaxPerDay)
        {
            error = new ScheduleArgumentError.TooManyTimes(parsed.Count, ScheduleTimes.MaxPerDay);
            return false;
        }
        parsed.Sort();
        for (var i = 0; i < parsed.Count && parsed.Count > 1; i++)
        {
            var (from, to) = (parsed[i], parsed[(i + 1) % parsed.Count]);
            var gap = (int)(to - from).TotalMinutes;
            if (gap < ScheduleTimes.MinMinutesBetween)
            {
                error = new ScheduleArgumentError.TimesTooClose(from, to, gap, ScheduleTimes.MinMinutesBetween);
                return false;
            }
        }
        times = parsed;
        return true;
    }

    /// <summary>Weekdays as people type them (mon-fri, daily, mon,wed,fri) into a <see cref="WeekDays"/> mask.</summary>
    public static bool TryParseDays(string? text, out int mask, out ScheduleArgumentError? error)
    {
        mask = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            mask = WeekDays.All;
            return true;
        }
        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "daily" or "every day" or "everyday" or "all":
                mask = WeekDays.All;
                return true;
            case "weekdays":
                mask = WeekDays.MondayToFriday;
                return true;
            case "weekends" or "weekend":
                mask = WeekDays.Weekends;
                return true;
        }
        foreach (var part in t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2 || Day(range[0]) is not { } from || Day(range[^1]) is not { } to)
            {
                error = new ScheduleArgumentError.NotAWeekday(part);
                return false;
            }
            for (var d = from; ; d = (d + 1) % 7)
            {
                mask |= 1 << d;
                if (d == to)
                    break;
            }
        }
        if (mask == 0)
        {
            error = new ScheduleArgumentError.NoWeekday();
            return false;
        }
        return true;
    }

    private static int? Day(string s)
    {
        if (s.Length < 3)
            return null;
        var i = Array.IndexOf(DayNames, s[..3]);
        return i < 0 ? null : i;
    }
}
