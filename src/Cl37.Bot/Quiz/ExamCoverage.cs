namespace Cl37.Bot.Quiz;

/// <summary>Whether a channel's schedule asks every question of the deck before the exam. Pure.</summary>
/// <param name="DeckSize">Questions in the exam's deck.</param>
/// <param name="NeverAsked">Questions of the deck the channel never posted.</param>
/// <param name="PostsToday">Scheduled posts still to come today.</param>
/// <param name="DaysAfterToday">Posting days after today, up to the day before the exam.</param>
/// <param name="PerDay">Posts a posting day.</param>
/// <param name="PerDayNeeded">The fewest posts a day, at <see cref="ScheduleTimes.Suggested"/> set now, that
/// would ask them all; null when even <see cref="ScheduleTimes.MaxPerDay"/> would not.</param>
/// <param name="UncoveredAtMost">Questions that would never be asked at <see cref="ScheduleTimes.MaxPerDay"/> a day.</param>
public sealed record ExamCoverage(int DeckSize, int NeverAsked, int PostsToday, int DaysAfterToday, int PerDay, int? PerDayNeeded, int UncoveredAtMost)
{
    /// <summary>Posts before the exam at this pace.</summary>
    public int Posts => PostsToday + DaysAfterToday * PerDay;

    /// <summary>Days with a post before the exam, today included when a post is still to come.</summary>
    public int PostingDays => DaysAfterToday + (PostsToday > 0 ? 1 : 0);

    public bool Covers => NeverAsked <= Posts;

    /// <summary>Questions that would never be asked at this pace.</summary>
    public int Uncovered => Math.Max(0, NeverAsked - Posts);

    /// <summary>The coverage of a schedule posting at <paramref name="timesOfDay"/> (minutes after
    /// local midnight, ascending) on the days of <paramref name="daysMask"/>, read at
    /// <paramref name="nowLocal"/> in the schedule's zone; today's posts at or before now, or in
    /// <paramref name="slotsDoneToday"/>, are not to come.</summary>
    public static ExamCoverage Of(int deckSize, int neverAsked, IReadOnlyList<int> timesOfDay, int daysMask, DateTime nowLocal, DateOnly exam, IReadOnlyCollection<int> slotsDoneToday)
    {
        var today = DateOnly.FromDateTime(nowLocal);
        var days = PostingDaysBefore(today.AddDays(1), exam, daysMask);
        // A schedule set now posts today at its times still ahead whose slot has no post yet.
        int PostsWith(IReadOnlyList<int> times) => days * times.Count + (today < exam && WeekDays.Contains(daysMask, today.DayOfWeek)
            ? Enumerable.Range(0, times.Count).Count(slot => times[slot] > nowLocal.Hour * 60 + nowLocal.Minute && !slotsDoneToday.Contains(slot))
            : 0);
        int? needed = Enumerable.Range(1, ScheduleTimes.MaxPerDay).Cast<int?>().FirstOrDefault(n => PostsWith(ScheduleTimes.Suggested(n!.Value)) >= neverAsked);
        var postsToday = PostsWith(timesOfDay) - days * timesOfDay.Count;
        return new ExamCoverage(deckSize, neverAsked, postsToday, days, timesOfDay.Count, needed,
            Math.Max(0, neverAsked - PostsWith(ScheduleTimes.Suggested(ScheduleTimes.MaxPerDay))));
    }

    /// <summary>Posting days in [<paramref name="from"/>, <paramref name="exam"/>).</summary>
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
