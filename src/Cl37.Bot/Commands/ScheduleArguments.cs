using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>Checks <c>/quiz schedule set</c>'s arguments together and reads them into a <see cref="ScheduleRequest"/>.</summary>
public static class ScheduleArguments
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The request, or null with one sentence naming the wrong argument.</summary>
    public static ScheduleRequest? Parse(ScheduleSetArguments arguments, string defaultZone, out string? error)
    {
        if (!TryParseTimes(arguments.Time, out var times, out error))
            return null;
        var zoneName = arguments.Zone ?? defaultZone;
        if (!TimeZones.TryFind(zoneName, out var zone))
        {
            error = $"`{CommandTextParser.Shorten(zoneName)}` is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.";
            return null;
        }
        if (TimeZones.IsAbbreviation(zoneName!))
        {
            error = $"`{CommandTextParser.Shorten(zoneName!)}` is an abbreviation, not a place: its summer time is nobody's. Use the zone of a city, such as Europe/Berlin or America/New_York.";
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
                error = string.Create(CultureInfo.InvariantCulture,
                    $"`window` must be more than 0 and at most {shortestGap / 60.0:0.##} hours, so answers close before the next question is posted.");
                return null;
            }
        }
        return new ScheduleRequest(times, zone, days, windowMinutes, arguments.HideResults, arguments.Deck);
    }

    /// <summary>One or more 24-hour times, comma-separated (09:00,13:00,18:00), sorted; at most
    /// <see cref="ScheduleTimes.MaxPerDay"/>, each two at least
    /// <see cref="ScheduleTimes.MinMinutesBetween"/> apart, across midnight too.</summary>
    public static bool TryParseTimes(string text, out IReadOnlyList<TimeOnly> times, out string? error)
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
                error = items.Length == 1
                    ? $"`time` must be a 24-hour time like 09:00, not `{CommandTextParser.Shorten(item)}`."
                    : $"`time` must be 24-hour times like 09:00,13:00,18:00 — `{CommandTextParser.Shorten(item)}` is not one.";
                return false;
            }
            if (parsed.Contains(at))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"`time` names {at:HH:mm} twice; name each time once.");
                return false;
            }
            parsed.Add(at);
        }
        if (parsed.Count > ScheduleTimes.MaxPerDay)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"`time` names {parsed.Count} times; a channel gets at most {ScheduleTimes.MaxPerDay} questions a day.");
            return false;
        }
        parsed.Sort();
        for (var i = 0; i < parsed.Count && parsed.Count > 1; i++)
        {
            var (from, to) = (parsed[i], parsed[(i + 1) % parsed.Count]);
            var gap = (int)(to - from).TotalMinutes;
            if (gap < ScheduleTimes.MinMinutesBetween)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"`time` {from:HH:mm} and {to:HH:mm} are only {gap / 60}:{gap % 60:00} h apart; questions need at least {ScheduleTimes.MinMinutesBetween / 60} hours between them, so each is open for an hour or more.");
                return false;
            }
        }
        times = parsed;
        return true;
    }

    /// <summary>Weekdays as people type them (mon-fri, daily, mon,wed,fri) into a <see cref="WeekDays"/> mask.</summary>
    public static bool TryParseDays(string? text, out int mask, out string? error)
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
                error = $"`days` must be like mon-fri, daily or mon,wed,fri — `{part}` is not a weekday.";
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
            error = "`days` names no weekday; use e.g. mon-fri or daily.";
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
