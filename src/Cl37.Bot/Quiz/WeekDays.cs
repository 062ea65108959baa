using System.Globalization;

namespace Cl37.Bot.Quiz;

/// <summary>Weekday sets as a bit mask (bit n = DayOfWeek n), parsed from what people type.</summary>
public static class WeekDays
{
    public const int All = 0b111_1111;
    public const int MondayToFriday = 0b011_1110;

    private static readonly string[] Names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool TryParse(string? text, out int mask, out string? error)
    {
        mask = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            mask = All;
            return true;
        }
        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "daily" or "every day" or "everyday" or "all":
                mask = All;
                return true;
            case "weekdays":
                mask = MondayToFriday;
                return true;
            case "weekends" or "weekend":
                mask = 0b100_0001;
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

    public static bool Contains(int mask, DayOfWeek day) => (mask & (1 << (int)day)) != 0;

    public static string Describe(int mask) => mask switch
    {
        All => "every day",
        MondayToFriday => "Monday to Friday",
        _ => string.Join(", ", Enumerable.Range(0, 7).Where(d => (mask & (1 << d)) != 0)
            .Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)d))),
    };

    /// <summary>The shortest stretch, in days, from one posting day to the next.</summary>
    public static int ShortestGapDays(int mask)
    {
        var shortest = 7;
        for (var d = 0; d < 7; d++)
        {
            if ((mask & (1 << d)) == 0)
                continue;
            var gap = 1;
            while ((mask & (1 << ((d + gap) % 7))) == 0)
                gap++;
            shortest = Math.Min(shortest, gap);
        }
        return shortest;
    }

    private static int? Day(string s)
    {
        if (s.Length < 3)
            return null;
        var i = Array.IndexOf(Names, s[..3]);
        return i < 0 ? null : i;
    }
}
