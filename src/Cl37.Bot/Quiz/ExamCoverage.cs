namespace Cl37.Bot.Quiz;

/// <summary>Whether a channel's schedule asks every question of the deck before the exam. Pure.</summary>
/// <param name="DeckSize">Questions in the exam's deck.</param>
/// <param name="NeverAsked">Questions of the deck the channel never posted.</param>
/// <param name="PostingDays">Posting days from today up to the day before the exam.</param>
/// <param name="PerDay">Posts a posting day.</param>
public sealed record ExamCoverage(int DeckSize, int NeverAsked, int PostingDays, int PerDay)
{
    public int Posts => PostingDays * PerDay;

    public bool Covers => NeverAsked <= Posts;

    /// <summary>Questions that would never be asked at this pace.</summary>
    public int Uncovered => Math.Max(0, NeverAsked - Posts);

    /// <summary>Posts a day that would ask them all, or null when no posting day is left.</summary>
    public int? PerDayNeeded => PostingDays == 0 ? null : (NeverAsked + PostingDays - 1) / PostingDays;

    /// <summary>Posting days in [<paramref name="from"/>, <paramref name="exam"/>) times posts a day.</summary>
    public static int PostsBefore(DateOnly from, DateOnly exam, int daysMask, int perDay) => PostingDaysBefore(from, exam, daysMask) * perDay;

    public static int PostingDaysBefore(DateOnly from, DateOnly exam, int daysMask)
    {
        var days = 0;
        for (var d = from; d < exam; d = d.AddDays(1))
        {
            if (WeekDays.Contains(daysMask, d.DayOfWeek))
                days++;
        }
        return days;
    }
}
