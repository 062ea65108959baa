using Cl37.Bot.Chat;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

public sealed class LeaderboardTests : IAsyncLifetime
{
    // Monday 2026-11-23 23:30 UTC is already Tuesday 00:30 in Berlin: the week is the same, but a
    // Sunday-night answer in Berlin belongs to the next UTC week.
    private readonly QuizApp _app = new(TestDeck.OneQuestion(),
        new Dictionary<string, string?> { ["Quiz:DefaultTimeZone"] = "Europe/Berlin", ["Quiz:LeaderboardPageSize"] = "3" },
        new DateTimeOffset(2026, 11, 29, 22, 30, 0, TimeSpan.Zero));

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Answer_SundayNightLocalVersusMondayUtc_CountsInTheLocalWeekAndMonth()
    {
        // 2026-11-29 23:30 Berlin is Sunday of ISO week 48 and still November.
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "night", "B");

        // 2026-11-30 23:30 UTC is Tuesday 00:30 (2026-12-01) in Berlin: week 49, December.
        _app.Clock.Advance(TimeSpan.FromHours(25));
        var second = await _app.PostQuestionAsync();
        await _app.AnswerAsync(second, "night", "B");

        await using var db = _app.Db();
        var periods = await db.ScoreTotals.Select(t => t.Period).OrderBy(p => p).ToListAsync();
        Assert.Equal(["A", "M2026-11", "M2026-12", "W2026-48", "W2026-49"], periods);
        Assert.Equal(20, (await db.ScoreTotals.SingleAsync(t => t.Period == "A")).Points);
    }

    [Fact]
    public async Task Leaderboard_ManyPeople_PagesAndShowsOwnRankOffPage()
    {
        var postId = await _app.PostQuestionAsync();
        foreach (var (who, answer) in new[] { ("a", "B"), ("b", "B"), ("c", "A"), ("d", "B"), ("e", "C"), ("me", "A") })
            await _app.AnswerAsync(postId, who, answer);

        var first = await _app.RunAsync("/leaderboard week", QuizApp.User("me"));
        var table = Assert.IsType<TableCard>(first.Card);
        Assert.Equal(3, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("1", r[0]));
        Assert.Contains("Page 1 of 2", table.Footer);
        Assert.Contains("Name me: #4", table.Footer);
        Assert.False(first.Private);

        var second = Assert.IsType<TableCard>((await _app.RunAsync("/leaderboard week 2", QuizApp.User("me"))).Card);
        Assert.Equal(["4", "4", "4"], second.Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task Leaderboard_CsvByNonAdmin_IsRefused_AndAdminGetsFile()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "x", "B");

        var refused = await _app.RunAsync("/leaderboard all format:csv", QuizApp.User("x"));
        Assert.Contains("Only admins", refused.Text);

        var csv = await _app.RunAsync("/leaderboard all format:csv", QuizApp.User("admin", admin: true));
        var file = Assert.Single(csv.Files);
        var content = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.StartsWith("rank,name,points,accuracy_percent,", content);
        Assert.Contains("1,Name x,10,100,1,1,1", content);
        Assert.StartsWith("**Leaderboard · all time** — CSV export: leaderboard-all-", csv.Text);
    }

    [Fact]
    public async Task Competition_CrossingDstChange_CountsOnlyItsWindowAndFreezes()
    {
        // Europe/Berlin leaves summer time on 2026-10-25; start the run before it.
        await using var app = new QuizApp(TestDeck.OneQuestion(),
            new Dictionary<string, string?> { ["Quiz:DefaultTimeZone"] = "Europe/Berlin" },
            new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero));
        var admin = QuizApp.User("admin", admin: true);
        var before = await app.PostQuestionAsync();
        await app.AnswerAsync(before, "early", "B");

        var started = await app.RunAsync("/competition start \"Exam sprint\" 2026-10-26", admin);
        Assert.Contains("Exam sprint", started.Text);
        var running = await app.RunAsync("/competition start Another 2026-10-30", admin);
        Assert.Contains("already running", running.Text);

        app.Clock.Advance(TimeSpan.FromDays(2));
        var during = await app.PostQuestionAsync();
        await app.AnswerAsync(during, "mid", "B");
        await app.AnswerAsync(during, "early", "A");

        // The end is midnight after 2026-10-26 local time: 2026-10-26 23:00 UTC (UTC+1 after the change).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 22, 59, 0, TimeSpan.Zero));
        var last = await app.PostQuestionAsync();
        await app.AnswerAsync(last, "lastminute", "B");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero));
        var after = await app.PostQuestionAsync();
        await app.AnswerAsync(after, "toolate", "B");

        Assert.Equal(1, await app.Get<StandingsPoster>().EndDueAsync(CancellationToken.None));
        var final = app.Platform.Cards<TableCard>().Last();
        Assert.Contains("final standings", final.Title);
        Assert.Equal(["Name early", "Name lastminute", "Name mid"], final.Rows.Select(r => r[1]).Order().ToList());
        Assert.Equal("Name early", final.Rows.Last()[1]);
        Assert.DoesNotContain(final.Rows, r => r[1] == "Name toolate");

        await using var db = app.Db();
        var competition = await db.Competitions.SingleAsync();
        Assert.NotNull(competition.EndedUtc);
        Assert.Equal(new DateTime(2026, 10, 26, 23, 0, 0), competition.EndUtc);
        var frozen = await db.ScoreTotals.Where(t => t.Period == PeriodKeys.Competition(competition.Id)).CountAsync();
        var laterPost = await app.PostQuestionAsync();
        await app.AnswerAsync(laterPost, "mid", "B");
        Assert.Equal(frozen, await db.ScoreTotals.Where(t => t.Period == PeriodKeys.Competition(competition.Id)).CountAsync());
    }
}
