using Cl37.Bot.Chat;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two replicas on one PostgreSQL database with Quartz's clustered job store: the daily
/// question's trigger fires on exactly one of them.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class ClusteredScheduleTests : IAsyncLifetime
{
    // Monday 2026-11-23 08:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private PostgresDatabase _db = null!;
    private QuizApp _a = null!;
    private QuizApp _b = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        var settings = _db.Settings();
        settings["Scheduling:Enabled"] = "true";
        settings["Scheduling:Clustered"] = "true";
        _a = new QuizApp(TestDeck.OneQuestion(), settings, Start);
        _ = _a.Server;
        _b = new QuizApp(TestDeck.OneQuestion(), settings, Start);
        _ = _b.Server;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    [PostgresFact]
    public async Task DailyQuestion_TwoClusteredReplicas_FiresOnOneAndPostsOnce()
    {
        var schedulerA = await _a.Get<ISchedulerFactory>().GetScheduler();
        var schedulerB = await _b.Get<ISchedulerFactory>().GetScheduler();
        Assert.True((await schedulerA.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId);
        await Eventually.TrueAsync(async () => await _db.CountAsync("SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state") == 2, "both replicas to check in under their own instance ids");
        var runsA = await JobRuns.AttachAsync(schedulerA);
        var runsB = await JobRuns.AttachAsync(schedulerB);

        await _a.RunAsync("/quiz schedule set 09:00 Europe/Berlin daily", QuizApp.User("admin", admin: true));
        await _a.Get<ScheduleSync>().WhenIdleAsync();
        long channelId;
        await using (var db = _a.Db())
            channelId = await db.Channels.Select(c => c.Id).SingleAsync();
        var trigger = ScheduleTriggers.DailyKey(channelId);
        var nineOClock = Start.AddHours(1);
        Assert.Equal(nineOClock, (await schedulerB.GetTrigger(trigger))?.NextFireTimeUtc);

        _a.Clock.Advance(TimeSpan.FromHours(1));
        _b.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => runsA.Finished(trigger, nineOClock) || runsB.Finished(trigger, nineOClock), "the 09:00 run on either replica");
        // The next firing is tomorrow for both: this one is over and cannot run again.
        await Eventually.TrueAsync(async () => (await schedulerB.GetTrigger(trigger))?.NextFireTimeUtc == nineOClock.AddDays(1), "the trigger to move to tomorrow");

        Assert.True(runsA.Finished(trigger, nineOClock) ^ runsB.Finished(trigger, nineOClock), "exactly one replica ran the 09:00 question");
        // The sweep, which also fired during that hour, may have won the day's claim on either
        // replica; then the daily job answered "already posted" while the sweep is still sending.
        await Eventually.TrueAsync(async () => Cards(_a) + Cards(_b) >= 1
            && await _db.CountAsync("""SELECT count(*) FROM "Posts" WHERE "ScheduledDate" IS NOT NULL AND "MessageId" IS NOT NULL""") >= 1, "the question to be posted and its message id recorded");
        Assert.Equal(1, Cards(_a) + Cards(_b));
        Assert.Equal(1, await _db.CountAsync("""SELECT count(*) FROM "Posts" WHERE "ScheduledDate" IS NOT NULL AND "MessageId" IS NOT NULL"""));
        Assert.Equal(2, await _db.CountAsync("SELECT count(*) FROM qrtz_scheduler_state"));
    }

    private static int Cards(QuizApp app) => app.Platform.Posts.Count(p => p.Message.Card is QuestionCard);
}
