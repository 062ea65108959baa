using Cl37.Bot.Scheduling;
using Quartz;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>The real Quartz scheduler in the running app, on the app's fake clock: moving the clock
/// wakes Quartz's thread, which fires the jobs. Each wait is bounded.</summary>
public sealed class LiveSchedulerTests : IAsyncLifetime
{
    // Monday 2026-11-23 08:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly string _db = ScheduledApp.NewDatabasePath();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ScheduledApp.DeleteDatabase(_db);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Quartz_UsesTheAppClock()
    {
        await using var app = new ScheduledApp(_db, Start);
        var scheduler = await app.SchedulerAsync();
        Assert.Same(app.App.Clock, scheduler.TimeProvider);
    }

    [Fact]
    public async Task Quartz_ScheduleSetWhileRunning_PostsAtTheLocalTimeAndRevealsAtTheClose()
    {
        await using var app = new ScheduledApp(_db, Start);
        await app.SetAsync("09:00 Europe/Berlin mon-fri window:1");
        var scheduler = await app.SchedulerAsync();
        var trigger = (ICronTrigger)(await scheduler.GetTrigger(ScheduleTriggers.DailyKey(await app.ChannelIdAsync())))!;
        Assert.Equal("Europe/Berlin", trigger.TimeZone.Id);
        Assert.Equal(Start.AddHours(1), trigger.NextFireTimeUtc);

        app.App.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => app.QuestionCards() == 1, "the 09:00 question");
        var post = Assert.Single(await app.PostsAsync());
        Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
        Assert.Equal(Start.AddHours(1).UtcDateTime, post.PostedUtc);
        Assert.Equal(Start.AddHours(2).UtcDateTime, post.ClosesUtc);

        // The post is complete once its message id is stored; moving the clock on before that would
        // make the sweep take it for a post that never went out and post it again.
        await Eventually.TrueAsync(async () => (await app.PostsAsync())[0].MessageId is not null, "the message id");
        app.App.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, app.RevealCards());
        app.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => app.RevealCards() == 1, "the 10:00 reveal");
        Assert.Equal(Start.AddHours(2).UtcDateTime, (await app.PostsAsync())[0].RevealedUtc);
        Assert.Equal(1, app.QuestionCards());
    }

    [Fact]
    public async Task Quartz_EditsAndDeletionWhileRunning_TakeEffectWithoutRestart()
    {
        await using var app = new ScheduledApp(_db, Start);
        await app.SetAsync("09:00 Europe/Berlin daily", "control");
        await app.SetAsync("09:00 Europe/Berlin daily", "edited");
        await app.SetAsync("09:00 Europe/Berlin daily", "deleted");
        await app.SetAsync("09:00 Europe/Berlin daily", "zone");

        app.App.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.SetAsync("10:00 Europe/Berlin daily", "edited");
        Assert.Contains("switched off", await app.OffAsync("deleted"));
        await app.SetAsync("09:00 Europe/London daily", "zone");
        var scheduler = await app.SchedulerAsync();
        Assert.Null(await scheduler.GetTrigger(ScheduleTriggers.DailyKey(await app.ChannelIdAsync("deleted"))));

        app.App.Clock.Advance(TimeSpan.FromMinutes(30));
        await Eventually.TrueAsync(() => app.QuestionCards("control") == 1, "the control channel's 09:00 question");
        Assert.Equal(0, app.QuestionCards("edited"));
        Assert.Equal(0, app.QuestionCards("deleted"));
        Assert.Equal(0, app.QuestionCards("zone"));

        // 09:00 London is 10:00 Berlin: the edited and the re-zoned channel post together.
        app.App.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => app.QuestionCards("edited") == 1 && app.QuestionCards("zone") == 1, "the edited channels' questions");
        Assert.Equal(0, app.QuestionCards("deleted"));
        Assert.Equal(1, app.QuestionCards("control"));
        var edited = Assert.Single(await app.PostsAsync("edited"));
        Assert.Equal(Start.AddHours(2).UtcDateTime, edited.PostedUtc);
    }

    [Fact]
    public async Task Quartz_ScheduleMovedLaterAfterTodaysPost_DoesNotPostOrRevealAgainToday()
    {
        await using var app = new ScheduledApp(_db, Start);
        var runs = await JobRuns.AttachAsync(await app.SchedulerAsync());
        await app.SetAsync("09:00 Europe/Berlin daily");
        app.App.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => app.QuestionCards() == 1, "the 09:00 question");

        await app.SetAsync("11:00 Europe/Berlin daily");
        app.App.Clock.Advance(TimeSpan.FromHours(2));
        var key = ScheduleTriggers.DailyKey(await app.ChannelIdAsync());
        await Eventually.TrueAsync(() => runs.Finished(key, Start.AddHours(3)), "the 11:00 run to finish");

        Assert.Equal(1, app.QuestionCards());
        Assert.Equal(0, app.RevealCards());
        Assert.Null(Assert.Single(await app.PostsAsync()).RevealedUtc);
    }

    [Fact]
    public async Task Quartz_FireLatePastTheMisfireThreshold_FiresOnceLateTheSameDay()
    {
        await using var app = new ScheduledApp(_db, Start);
        await app.SetAsync("09:00 Europe/Berlin mon-fri");

        // One jump to 09:30: Quartz sees the 09:00 fire 30 minutes late (threshold 60 s) and,
        // FireAndProceed, fires once now; the job finds the post still owed today.
        app.App.Clock.Advance(TimeSpan.FromMinutes(90));
        await Eventually.TrueAsync(() => app.QuestionCards() == 1, "the late question");
        var post = Assert.Single(await app.PostsAsync());
        Assert.Equal(Start.AddMinutes(90).UtcDateTime, post.PostedUtc);
        Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
        var scheduler = await app.SchedulerAsync();
        var trigger = await scheduler.GetTrigger(ScheduleTriggers.DailyKey(await app.ChannelIdAsync()));
        Assert.Equal(Start.AddDays(1).AddHours(1), trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task Show_ScheduledChannel_NamesTheNextPostAndItsClose()
    {
        await using var app = new ScheduledApp(_db, Start);
        var set = await app.SetAsync("09:00 Europe/Berlin mon-fri");
        Assert.Contains("Next question: Mon 2026-11-23 09:00; its answers close Tue 2026-11-24 08:00.", set);

        app.App.Clock.Advance(TimeSpan.FromHours(1));
        for (var day = 1; day <= 5; day++)
        {
            await Eventually.TrueAsync(async () => (await app.PostsAsync()).Count == day, $"question {day} of the week");
            if (day < 5)
                app.App.Clock.Advance(TimeSpan.FromDays(1));
        }
        var show = await app.App.RunAsync("/quiz schedule show", Fakes.QuizApp.User("someone"));
        Assert.Contains("Next question: Mon 2026-11-30 09:00; its answers close Tue 2026-12-01 08:00.", show.Text);
    }
}
