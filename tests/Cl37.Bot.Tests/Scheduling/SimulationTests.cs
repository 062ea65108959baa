using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Weeks of daily questions on the fake clock: the fire times come from the very Quartz
/// triggers production schedules, and the job logic runs at each of them (Quartz's own thread is
/// off here; LiveSchedulerTests cover it).</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class SimulationTests : IAsyncLifetime
{
    private readonly string _db = ScheduledApp.NewDatabasePath();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ScheduledApp.DeleteDatabase(_db);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-16")]     // spring forward on 2026-03-29
    [InlineData("America/New_York", "2026-10-19")]  // fall back on 2026-11-01
    [InlineData("America/New_York", "2026-02-23")]  // spring forward on 2026-03-08
    [InlineData("Europe/Berlin", "2026-10-12")]     // fall back on 2026-10-25
    public async Task Run_ThirtyDaysMondayToFridayAcrossDst_PostsAndRevealsOnTheRightLocalMinutes(string zoneId, string firstDay)
    {
        var zone = TimeZones.FindOrUtc(zoneId);
        var first = DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture);
        var start = LocalInstant(first, 0, 0, zone);
        await using var app = new ScheduledApp(_db, start, quartz: false);
        Assert.Contains("Daily question at 09:00", await app.SetAsync($"09:00 {zoneId} mon-fri"));

        var end = LocalInstant(first.AddDays(30), 0, 0, zone);
        await SimulateAsync(app, start, end, []);

        var expectedDays = Enumerable.Range(0, 30).Select(first.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var posts = await app.PostsAsync();
        Assert.Equal(expectedDays, posts.Select(p => p.ScheduledDate!.Value));
        Assert.Equal(expectedDays.Count, app.QuestionCards());
        Assert.Equal(expectedDays.Count, app.RevealCards());
        foreach (var post in posts)
        {
            var day = post.ScheduledDate!.Value;
            Assert.Equal(LocalInstant(day, 9, 0, zone).UtcDateTime, post.PostedUtc);
            var nextDay = expectedDays.Concat([NextWeekday(expectedDays[^1])]).First(d => d > day);
            var closes = LocalInstant(nextDay, 8, 0, zone).UtcDateTime;
            Assert.Equal(closes, post.ClosesUtc);
            Assert.Equal(closes, post.RevealedUtc);
            Assert.NotNull(post.MessageId);
            Assert.NotNull(post.RevealMessageId);
        }
        // The run crossed a DST change: the same local 09:00 is a different UTC hour at both ends.
        Assert.NotEqual(posts[0].PostedUtc.Hour, posts[^1].PostedUtc.Hour);
    }

    [Fact]
    public async Task Run_ThreeTimesADayAcrossSpringForward_PostsEachTimeAndEachPostRevealsThePrevious()
    {
        var zone = TimeZones.FindOrUtc("Europe/Berlin");
        var first = new DateOnly(2026, 3, 26);
        var start = LocalInstant(first, 0, 0, zone);
        await using var app = new ScheduledApp(_db, start, quartz: false);
        Assert.Contains("3 daily questions, at 09:00, 13:00 and 18:00 (Europe/Berlin), every day", await app.SetAsync("18:00,09:00,13:00 Europe/Berlin daily"));

        await SimulateAsync(app, start, LocalInstant(first.AddDays(7), 0, 0, zone), []);

        var posts = await app.PostsAsync();
        var expected = Enumerable.Range(0, 7).Select(first.AddDays)
            .SelectMany(d => new[] { (d, 0, 9), (d, 1, 13), (d, 2, 18) }).ToList();
        Assert.Equal(expected.Select(e => (e.d, e.Item2)), posts.Select(p => (p.ScheduledDate!.Value, p.ScheduledSlot)));
        Assert.Equal(expected.Select(e => LocalInstant(e.d, e.Item3, 0, zone).UtcDateTime), posts.Select(p => p.PostedUtc));
        // Each question closes an hour before the next one, and is revealed then.
        for (var i = 0; i + 1 < posts.Count; i++)
        {
            Assert.Equal(posts[i + 1].PostedUtc.AddHours(-1), posts[i].ClosesUtc);
            Assert.Equal(posts[i].ClosesUtc, posts[i].RevealedUtc);
        }
        Assert.Equal(posts.Count, app.QuestionCards());
        Assert.Equal(posts.Count, app.RevealCards());
    }

    [Fact]
    public async Task Run_HalfPastTwoOnBothBerlinDstDays_PostsOncePerDayAtTheDocumentedInstant()
    {
        var zone = TimeZones.FindOrUtc("Europe/Berlin");
        var start = new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero);
        await using var app = new ScheduledApp(_db, start, quartz: false);
        await app.SetAsync("02:30 Europe/Berlin daily");

        // The second 02:30 of the fall-back night (01:30Z) is fired too, as a scheduler that
        // followed the wall clock would; and 02:59 CET, still inside the repeated hour.
        var extra = new[] { new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 1, 59, 0, TimeSpan.Zero) };
        await SimulateAsync(app, start, new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero), []);
        app.App.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 22, 12, 0, 0, TimeSpan.Zero));
        await SimulateAsync(app, app.App.Clock.GetUtcNow(), new DateTimeOffset(2026, 10, 27, 12, 0, 0, TimeSpan.Zero), extra);

        var posts = await app.PostsAsync();
        var byDay = posts.ToDictionary(p => p.ScheduledDate!.Value, p => p.PostedUtc);
        Assert.Equal(posts.Count, byDay.Count);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), byDay[new DateOnly(2026, 3, 29)]);   // 03:00 CEST, the end of the gap
        Assert.Equal(new DateTime(2026, 3, 28, 1, 30, 0, DateTimeKind.Utc), byDay[new DateOnly(2026, 3, 28)]);  // 02:30 CET
        Assert.Equal(new DateTime(2026, 3, 30, 0, 30, 0, DateTimeKind.Utc), byDay[new DateOnly(2026, 3, 30)]);  // 02:30 CEST
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), byDay[new DateOnly(2026, 10, 25)]); // first 02:30 (CEST)
        Assert.Equal(new DateTime(2026, 10, 26, 1, 30, 0, DateTimeKind.Utc), byDay[new DateOnly(2026, 10, 26)]); // 02:30 CET
        Assert.Equal([27, 28, 29, 30, 31], posts.Where(p => p.ScheduledDate!.Value.Month == 3).Select(p => p.ScheduledDate!.Value.Day));
        Assert.Equal([23, 24, 25, 26, 27], posts.Where(p => p.ScheduledDate!.Value.Month == 10).Select(p => p.ScheduledDate!.Value.Day));
        Assert.Equal(posts.Count, app.QuestionCards());
    }

    [Fact]
    public async Task Run_TriggerFiresTwiceForOneDay_PostsOnce()
    {
        var start = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        await using var app = new ScheduledApp(_db, start, quartz: false);
        await app.SetAsync("09:00 Europe/Berlin mon-fri");
        var channelId = await app.ChannelIdAsync();
        var runner = app.App.Get<DailyQuestionRunner>();

        app.App.Clock.SetUtcNow(start.AddHours(1));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => runner.PostIfDueAsync(channelId, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r?.Outcome == PostOutcome.Posted));
        Assert.All(results, r => Assert.Contains(r!.Outcome, new[] { PostOutcome.Posted, PostOutcome.AlreadyPosted }));
        Assert.Single(await app.PostsAsync());
        Assert.Equal(1, app.QuestionCards());
    }

    /// <summary>Runs every fire of the channel's daily trigger and of the sweep trigger that matters
    /// (the first sweep at or after each close, plus one every three hours that must find nothing).</summary>
    private static async Task SimulateAsync(ScheduledApp app, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<DateTimeOffset> extraDailyFires)
    {
        var clock = app.App.Clock;
        var channelId = await app.ChannelIdAsync();
        QuizSchedule row;
        await using (var db = app.App.Db())
        {
            row = await db.Schedules.SingleAsync(s => s.ChannelId == channelId);
        }
        var dailies = ScheduleTriggers.Daily(channelId, DailySchedule.From(row), clock);
        var sweep = ScheduleTriggers.Sweep(30, clock);
        var runner = app.App.Get<DailyQuestionRunner>();

        var events = new PriorityQueue<bool, DateTimeOffset>();
        foreach (var daily in dailies)
        {
            for (var at = daily.GetFireTimeAfter(from.AddSeconds(-1)); at is { } t && t < to; at = daily.GetFireTimeAfter(t))
                events.Enqueue(true, t);
        }
        foreach (var extra in extraDailyFires)
            events.Enqueue(true, extra);
        for (var at = from; at < to; at = at.AddHours(3))
            events.Enqueue(false, sweep.GetFireTimeAfter(at)!.Value);

        while (events.TryDequeue(out var isDaily, out var at))
        {
            if (at > clock.GetUtcNow())
                clock.SetUtcNow(at);
            if (!isDaily)
            {
                await runner.SweepAsync(CancellationToken.None);
                continue;
            }
            var result = await runner.PostIfDueAsync(channelId, CancellationToken.None);
            if (result is { Outcome: PostOutcome.Posted, PostId: { } postId })
            {
                await using var db = app.App.Db();
                var closes = await db.Posts.Where(p => p.Id == postId).Select(p => p.ClosesUtc).SingleAsync();
                var closesAt = new DateTimeOffset(DateTime.SpecifyKind(closes!.Value, DateTimeKind.Utc));
                events.Enqueue(false, sweep.GetFireTimeAfter(closesAt.AddSeconds(-1))!.Value);
            }
        }
    }

    private static DateTimeOffset LocalInstant(DateOnly day, int hour, int minute, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), zone), TimeSpan.Zero);

    private static DateOnly NextWeekday(DateOnly day)
    {
        do
            day = day.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }
}
