using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Scheduling;

public sealed class DailyScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DailySchedule At(int hour, int minute, TimeZoneInfo zone, int days = WeekDays.All, int? window = null) =>
        new(hour * 60 + minute, zone, days, window);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void CronExpression_MondayToFriday_NamesTheDays()
    {
        Assert.Equal("0 0 9 ? * MON,TUE,WED,THU,FRI", At(9, 0, Berlin, WeekDays.MondayToFriday).CronExpression);
        Assert.Equal("0 30 2 ? * *", At(2, 30, Berlin).CronExpression);
        Assert.Equal("0 5 23 ? * SUN,SAT", At(23, 5, Berlin, 0b100_0001).CronExpression);
    }

    [Fact]
    public void InstantOn_SpringForwardGap_IsTheEndOfTheGap()
    {
        // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
        Assert.Equal(Utc(2026, 3, 29, 1, 0), At(2, 30, Berlin).InstantOn(new DateOnly(2026, 3, 29)));
        // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT.
        Assert.Equal(Utc(2026, 3, 8, 7, 0), At(2, 30, NewYork).InstantOn(new DateOnly(2026, 3, 8)));
        Assert.Equal(Utc(2026, 3, 30, 0, 30), At(2, 30, Berlin).InstantOn(new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void InstantOn_FallBackOverlap_IsTheFirstOccurrence()
    {
        // Berlin 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), At(2, 30, Berlin).InstantOn(new DateOnly(2026, 10, 25)));
        // New York 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
        Assert.Equal(Utc(2026, 11, 1, 5, 30), At(1, 30, NewYork).InstantOn(new DateOnly(2026, 11, 1)));
    }

    public static TheoryData<string, int, int, int> QuartzCases => new()
    {
        { "Europe/Berlin", 2, 30, WeekDays.All },
        { "Europe/Berlin", 9, 0, WeekDays.MondayToFriday },
        { "America/New_York", 2, 30, WeekDays.MondayToFriday },
        { "America/New_York", 1, 30, WeekDays.All },
        { "America/New_York", 23, 59, 0b010_1010 },
        { "Australia/Lord_Howe", 2, 15, WeekDays.All },
        { "America/Santiago", 0, 0, WeekDays.All },
        { "UTC", 0, 0, WeekDays.All },
    };

    [Theory]
    [MemberData(nameof(QuartzCases))]
    public void NextAfter_OverTwoYears_MatchesQuartzCronTrigger(string zoneId, int hour, int minute, int days)
    {
        var schedule = At(hour, minute, TimeZones.FindOrUtc(zoneId), days);
        var start = Utc(2026, 1, 1, 0, 0);
        var trigger = Assert.Single(ScheduleTriggers.Daily(1, schedule, new FakeTimeProvider(start)));
        DateTimeOffset? quartz = start.AddSeconds(-1);
        var ours = start.AddSeconds(-1);
        for (var i = 0; i < 600; i++)
        {
            quartz = trigger.GetFireTimeAfter(quartz);
            var next = schedule.NextAfter(ours)!.Value;
            Assert.Equal(quartz, next.At);
            Assert.Equal(schedule.LocalDate(next.At), next.Date);
            ours = next.At;
        }
    }

    [Fact]
    public void NextAfter_ThreeTimesOverTwoYears_MatchesTheirQuartzCronTriggers()
    {
        var schedule = new DailySchedule([9 * 60, 13 * 60, 18 * 60 + 30], NewYork, WeekDays.MondayToFriday, null);
        var start = Utc(2026, 1, 1, 0, 0);
        var triggers = ScheduleTriggers.Daily(1, schedule, new FakeTimeProvider(start));
        Assert.Equal(3, triggers.Count);
        Assert.Equal(3, triggers.Select(t => t.Key).Distinct().Count());
        var ours = start.AddSeconds(-1);
        for (var i = 0; i < 1500; i++)
        {
            var quartz = triggers.Select((t, slot) => (At: t.GetFireTimeAfter(ours)!.Value, Slot: slot)).MinBy(x => x.At);
            var next = schedule.NextAfter(ours)!.Value;
            Assert.Equal((quartz.At, quartz.Slot), (next.At, next.Slot));
            ours = next.At;
        }
    }

    [Fact]
    public void Closes_ThreeTimesDefaultWindow_OneHourBeforeEachNextPost()
    {
        var schedule = new DailySchedule([9 * 60, 13 * 60, 18 * 60], TimeZoneInfo.Utc, WeekDays.MondayToFriday, null);

        var friday = schedule.NextAfter(Utc(2026, 11, 27, 8, 0))!.Value;
        var noon = schedule.NextAfter(friday.At)!.Value;
        var evening = schedule.NextAfter(noon.At)!.Value;

        Assert.Equal((0, Utc(2026, 11, 27, 12, 0)), (friday.Slot, friday.Closes));
        Assert.Equal((1, Utc(2026, 11, 27, 17, 0)), (noon.Slot, noon.Closes));
        Assert.Equal((2, Utc(2026, 11, 30, 8, 0)), (evening.Slot, evening.Closes));
    }

    [Fact]
    public void DueAt_ThreeTimesDownOverTwoOfThem_OnlyTheLatestIsDue()
    {
        var schedule = new DailySchedule([9 * 60, 13 * 60, 18 * 60], TimeZoneInfo.Utc, WeekDays.All, null);

        var due = schedule.DueAt(Utc(2026, 11, 23, 14, 0), Utc(2026, 11, 1, 0, 0))!.Value;

        Assert.Equal((new DateOnly(2026, 11, 23), 1, Utc(2026, 11, 23, 13, 0)), (due.Date, due.Slot, due.At));
        Assert.Null(schedule.DueAt(Utc(2026, 11, 23, 17, 30), Utc(2026, 11, 1, 0, 0)));
    }

    [Fact]
    public void Closes_DefaultWindow_OneHourBeforeTheNextPost()
    {
        var schedule = At(9, 0, Berlin, WeekDays.MondayToFriday);
        // Friday 2026-11-27 09:00 CET closes Monday 08:00 CET.
        var friday = schedule.LatestAtOrBefore(Utc(2026, 11, 27, 12, 0))!.Value;
        Assert.Equal(new DateOnly(2026, 11, 27), friday.Date);
        Assert.Equal(Utc(2026, 11, 30, 7, 0), friday.Closes);
        // Across the fall-back night the next post is 25 hours later; still 1 hour before it.
        var saturday = At(9, 0, Berlin).LatestAtOrBefore(Utc(2026, 10, 24, 12, 0))!.Value;
        Assert.Equal(Utc(2026, 10, 25, 7, 0), saturday.Closes);
    }

    [Fact]
    public void Closes_ExplicitWindow_AddsTheWindow()
    {
        var occurrence = At(9, 0, NewYork, window: 90).LatestAtOrBefore(Utc(2026, 11, 23, 18, 0))!.Value;
        Assert.Equal(Utc(2026, 11, 23, 15, 30), occurrence.Closes);
    }

    [Fact]
    public void DueAt_DownOverPostingTimeSameDayWindowOpen_IsDue()
    {
        var schedule = At(9, 0, Berlin, WeekDays.MondayToFriday, window: 8 * 60);
        var due = schedule.DueAt(Utc(2026, 11, 23, 12, 0), Utc(2026, 11, 1, 0, 0));
        Assert.Equal(new DateOnly(2026, 11, 23), due?.Date);
        Assert.Equal(Utc(2026, 11, 23, 8, 0), due?.At);
    }

    [Fact]
    public void DueAt_NextLocalDayBeforeItsPost_IsNotDueEvenWithWindowOpen()
    {
        // Default window: Monday's post is open until Tuesday 08:00, but at Tuesday 07:00 it is stale.
        var schedule = At(9, 0, Berlin, WeekDays.MondayToFriday);
        Assert.Null(schedule.DueAt(Utc(2026, 11, 24, 6, 0), Utc(2026, 11, 1, 0, 0)));
    }

    [Fact]
    public void DueAt_WindowClosed_IsNotDue()
    {
        var schedule = At(9, 0, Berlin, window: 60);
        Assert.Null(schedule.DueAt(Utc(2026, 11, 23, 9, 0), Utc(2026, 11, 1, 0, 0)));
        Assert.NotNull(schedule.DueAt(Utc(2026, 11, 23, 8, 59), Utc(2026, 11, 1, 0, 0)));
    }

    [Fact]
    public void DueAt_ScheduleSetAfterTodaysTime_IsNotDue()
    {
        var schedule = At(9, 0, Berlin);
        Assert.Null(schedule.DueAt(Utc(2026, 11, 23, 10, 0), Utc(2026, 11, 23, 9, 30)));
        Assert.NotNull(schedule.DueAt(Utc(2026, 11, 23, 10, 0), Utc(2026, 11, 23, 7, 59)));
    }

    [Fact]
    public void DueAt_NotAPostingDay_IsNotDue()
    {
        var schedule = At(9, 0, Berlin, WeekDays.MondayToFriday, window: 600);
        Assert.Null(schedule.DueAt(Utc(2026, 11, 28, 10, 0), Utc(2026, 11, 1, 0, 0)));
    }

    [Fact]
    public void DueAt_FireDelayedPastMidnight_StillDueWithinGrace()
    {
        var schedule = At(23, 59, NewYork, window: 60);
        var scheduled = Utc(2026, 11, 24, 4, 59);
        Assert.NotNull(schedule.DueAt(scheduled.AddSeconds(61 - 1), Utc(2026, 11, 1, 0, 0)));
        Assert.Null(schedule.DueAt(scheduled.AddMinutes(5), Utc(2026, 11, 1, 0, 0)));
    }
}
