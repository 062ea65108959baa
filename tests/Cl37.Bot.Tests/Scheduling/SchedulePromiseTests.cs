using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>What the schedule commands promise is what the bot does.</summary>
public sealed class SchedulePromiseTests : IAsyncLifetime
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

    private static async Task<ScheduledApp> PostedTodayAsync(string db, string settings = "09:00 Europe/Berlin mon-fri")
    {
        var app = new ScheduledApp(db, Start, quartz: false);
        await app.SetAsync(settings);
        app.App.Clock.Advance(TimeSpan.FromHours(1));
        var posted = await app.App.Get<DailyQuestionRunner>().PostIfDueAsync(await app.ChannelIdAsync(), CancellationToken.None);
        Assert.Equal(PostOutcome.Posted, posted?.Outcome);
        return app;
    }

    [Fact]
    public async Task ScheduleSet_LaterTodayAfterTodaysPost_NamesTheRealNextPost()
    {
        await using var app = await PostedTodayAsync(_db);
        app.App.Clock.Advance(TimeSpan.FromMinutes(30));

        var set = await app.SetAsync("15:12 Europe/Berlin mon-fri");
        var show = (await app.App.RunAsync("/quiz schedule show", QuizApp.User("someone"))).Text;

        Assert.Contains("Next question: Tue 2026-11-24 15:12", set, StringComparison.Ordinal);
        Assert.Contains("Next question: Tue 2026-11-24 15:12", show, StringComparison.Ordinal);
        // And indeed nothing more goes out today.
        app.App.Clock.Advance(TimeSpan.FromMinutes(5 * 60 + 42));
        await app.App.Get<DailyQuestionRunner>().PostIfDueAsync(await app.ChannelIdAsync(), CancellationToken.None);
        Assert.Single(await app.PostsAsync());
    }

    [Fact]
    public async Task ScheduleSet_LaterTodayBeforeTodaysPost_NamesToday()
    {
        await using var app = new ScheduledApp(_db, Start, quartz: false);

        var set = await app.SetAsync("15:12 Europe/Berlin mon-fri");

        Assert.Contains("Next question: Mon 2026-11-23 15:12", set, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizNow_DailyQuestionOpen_AsksForForceAndKeepsItOpen()
    {
        await using var app = await PostedTodayAsync(_db);
        var admin = QuizApp.User("admin", admin: true);

        var reply = await app.App.RunAsync("/quiz now", admin);

        Assert.Contains("`/quiz now force:true`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("still open until Tue 08:00", reply.Text, StringComparison.Ordinal);
        Assert.Single(await app.PostsAsync());
        Assert.Null((await app.PostsAsync())[0].RevealedUtc);
        Assert.Equal(0, app.RevealCards());
    }

    [Fact]
    public async Task QuizNow_ForceByAdmin_RevealsTheDailyAndPosts()
    {
        await using var app = await PostedTodayAsync(_db);

        var reply = await app.App.RunAsync("/quiz now force:true", QuizApp.User("admin", admin: true));

        Assert.StartsWith("✅", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await app.PostsAsync()).Count);
        Assert.Equal(1, app.RevealCards());
    }

    [Fact]
    public async Task QuizNow_EveryoneCanPostButDailyOpen_MemberCannotCloseIt()
    {
        await using var app = await PostedTodayAsync(_db);
        await app.App.RunAsync("/quiz settings everyone_can_post:true", QuizApp.User("admin", admin: true));

        var plain = await app.App.RunAsync("/quiz now", QuizApp.User("member"));
        var forced = await app.App.RunAsync("/quiz now force:true", QuizApp.User("member"));

        Assert.Contains("Only an admin", plain.Text, StringComparison.Ordinal);
        Assert.Contains("Only admins can use `/quiz now force:true`", forced.Text, StringComparison.Ordinal);
        Assert.Single(await app.PostsAsync());
        Assert.Equal(0, app.RevealCards());
    }

    [Fact]
    public async Task QuizNow_AfterTheDailyClosed_PostsWithoutForce()
    {
        await using var app = await PostedTodayAsync(_db, "09:00 Europe/Berlin mon-fri window:1");
        app.App.Clock.Advance(TimeSpan.FromHours(2));

        var reply = await app.App.RunAsync("/quiz now", QuizApp.User("admin", admin: true));

        Assert.StartsWith("✅", reply.Text, StringComparison.Ordinal);
    }
}
