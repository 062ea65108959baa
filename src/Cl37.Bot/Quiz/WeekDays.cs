namespace Cl37.Bot.Quiz;

/// <summary>Weekday sets as a bit mask (bit n = DayOfWeek n).</summary>
public static class WeekDays
{
    public const int All = 0b111_1111;
    public const int MondayToFriday = 0b011_1110;
    public const int Weekends = 0b100_0001;

    public static bool Contains(int mask, DayOfWeek day) => (mask & (1 << (int)day)) != 0;

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
}
