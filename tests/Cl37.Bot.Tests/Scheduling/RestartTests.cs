using Cl37.Bot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Stops, crashes and second instances, each a fresh app on the same SQLite file with the
/// real Quartz scheduler.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    // Monday 2026-11-23 08:00 in Berlin; the schedule is 09:00 Berlin = 08:00Z.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTime NineBerlin = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _db = ScheduledApp.NewDatabasePath();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ScheduledApp.DeleteDatabase(_db);
        return Task.CompletedTask;
    }

    private async Task SetUpScheduleAsync(string arguments = "09:00 Europe/Berlin mon-fri")
    {
        await using var app = new ScheduledApp(_db, Start);
        Assert.Contains("Daily question", await app.SetAsync(arguments));
    }

    [Fact]
    public async Task Restart_DownOverPostingTime_PostsOnceOnStartTheSameDay()
    {
        await SetUpScheduleAsync();

        await using (var app = new ScheduledApp(_db, Start.AddHours(3.5)))
        {
            await Eventually.TrueAsync(() => app.QuestionCards() == 1, "the catch-up post");
            await app.CatchUpDoneAsync();
            var post = Assert.Single(await app.PostsAsync());
            Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
            Assert.Equal(Start.AddHours(3.5).UtcDateTime, post.PostedUtc);
            Assert.Equal(new DateTime(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc), post.ClosesUtc);
        }

        await using (var again = new ScheduledApp(_db, Start.AddHours(5)))
        {
            await again.CatchUpDoneAsync();
            Assert.Equal(0, again.QuestionCards());
            Assert.Single(await again.PostsAsync());
        }
    }

    [Fact]
    public async Task Restart_DownUntilTheNextDay_DoesNotPostYesterdaysQuestion()
    {
        await SetUpScheduleAsync();

        // Tuesday 07:30 Berlin: Monday's window is open until 08:00, but Monday is over.
        await using var app = new ScheduledApp(_db, Start.AddHours(23.5));
        await app.CatchUpDoneAsync();
        Assert.Equal(0, app.QuestionCards());
        Assert.Empty(await app.PostsAsync());

        app.App.Clock.Advance(TimeSpan.FromMinutes(90));
        await Eventually.TrueAsync(() => app.QuestionCards() == 1, "Tuesday's 09:00 question");
        Assert.Equal(new DateOnly(2026, 11, 24), Assert.Single(await app.PostsAsync()).ScheduledDate);
    }

    [Fact]
    public async Task Restart_AfterTheWindowClosedSameDay_DoesNotPost()
    {
        await SetUpScheduleAsync("09:00 Europe/Berlin mon-fri window:2");

        await using var app = new ScheduledApp(_db, Start.AddHours(4));
        await app.CatchUpDoneAsync();
        Assert.Equal(0, app.QuestionCards());
        Assert.Empty(await app.PostsAsync());
    }

    [Fact]
    public async Task Restart_CrashBetweenPlatformPostAndDatabaseUpdate_FinishesTheClaimedPostOnce()
    {
        await SetUpScheduleAsync();
        // What a crash after the claim leaves behind: the day's row, without a message id.
        await using (var app = new ScheduledApp(_db, Start.AddHours(1), quartz: false))
        {
            await using var db = app.App.Db();
            var channel = await db.Channels.SingleAsync();
            db.Posts.Add(new QuestionPost
            {
                ChannelId = channel.Id,
                GroupId = channel.GroupId,
                QuestionId = app.App.Get<Content.DeckLibrary>().QuestionsOf(null)[0].Id,
                PostedUtc = NineBerlin,
                ClosesUtc = NineBerlin.AddHours(23),
                ScheduledDate = new DateOnly(2026, 11, 23),
            });
            await db.SaveChangesAsync();
        }

        await using (var app = new ScheduledApp(_db, Start.AddHours(1.5)))
        {
            await Eventually.TrueAsync(async () => (await app.PostsAsync())[0].MessageId is not null, "the resumed post");
            await app.CatchUpDoneAsync();
            app.App.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.App.Get<Bot.Scheduling.DailyQuestionRunner>().SweepAsync(CancellationToken.None);
            Assert.Equal(1, app.QuestionCards());
            // PostedUtc moves to the retry: the time the question really went out.
            var post = Assert.Single(await app.PostsAsync());
            Assert.Equal(Start.AddHours(1.5).UtcDateTime, post.PostedUtc);
        }

        await using (var again = new ScheduledApp(_db, Start.AddHours(2)))
        {
            await again.CatchUpDoneAsync();
            Assert.Equal(0, again.QuestionCards());
        }
    }

    [Fact]
    public async Task Restart_DatabaseBusyDuringCatchUp_NextSweepPostsOnce()
    {
        await SetUpScheduleAsync();
        await using var writer = new SqliteConnection($"Data Source={_db}");
        await writer.OpenAsync();
        await Execute(writer, "BEGIN IMMEDIATE;");

        // 10:00:10 Berlin (between sweeps); the claim waits out the busy timeout and fails, which is not "already posted".
        await using var app = new ScheduledApp(_db, Start.AddHours(3).AddSeconds(10));
        await app.CatchUpDoneAsync();
        Assert.Equal(0, app.QuestionCards());
        await Execute(writer, "ROLLBACK;");

        app.App.Clock.Advance(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => app.QuestionCards() == 1, "the next sweep's post");
        var post = Assert.Single(await app.PostsAsync());
        Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
        Assert.Equal(Start.AddHours(3).AddSeconds(30).UtcDateTime, post.PostedUtc);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task TwoInstances_OneSqliteFileBothFiring_PostOnceAndNeitherRevealsIt()
    {
        await SetUpScheduleAsync();
        await using var first = new ScheduledApp(_db, Start);
        await using var second = new ScheduledApp(_db, Start);
        var key = Bot.Scheduling.ScheduleTriggers.DailyKey(await first.ChannelIdAsync());
        var schedulers = new[] { await first.SchedulerAsync(), await second.SchedulerAsync() };
        Assert.NotSame(schedulers[0], schedulers[1]);
        Assert.Same(first.App.Clock, schedulers[0].TimeProvider);
        Assert.Same(second.App.Clock, schedulers[1].TimeProvider);
        var runs = new List<JobRuns>();
        foreach (var scheduler in schedulers)
        {
            Assert.NotNull(await scheduler.GetTrigger(key));
            runs.Add(await JobRuns.AttachAsync(scheduler));
        }

        first.App.Clock.Advance(TimeSpan.FromHours(1));
        second.App.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var run in runs)
            await Eventually.TrueAsync(() => run.Finished(key, NineBerlin), "both instances' 09:00 runs to finish");

        Assert.Equal(1, first.QuestionCards() + second.QuestionCards());
        Assert.Equal(0, first.RevealCards() + second.RevealCards());
        var post = Assert.Single(await first.PostsAsync());
        Assert.NotNull(post.MessageId);
        Assert.Null(post.RevealedUtc);
    }
}
