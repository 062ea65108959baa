using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>An author fixes a wrong key and restarts; an admin regrades: what the admin sees (dry
/// run, confirm) and what the students see (/stats, the leaderboard, the correction in the channel).</summary>
public sealed class RegradeTests : IAsyncLifetime
{
    private static readonly Cl37.Bot.Chat.ChatUser Admin = QuizApp.User("admin", admin: true);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cl37-regrade-{Guid.NewGuid():N}.db");

    // The deck as first written: MCQ 1's key wrongly A (the right answer is B).
    private static DeckLibrary WrongKey()
    {
        var deck = TestDeck.Deck();
        return new([deck with { Questions = [deck.Questions[0] with { CorrectKeys = ["A"], AnswerText = "A" }] }], []);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        SqliteFiles.Delete(_path);
        return Task.CompletedTask;
    }

    /// <summary>Ann and Cy answered B (right), Bob A (wrong), all graded against the wrong key.</summary>
    private async Task<QuizApp> AnsweredThenFixedAsync()
    {
        await using (var before = new QuizApp(WrongKey(), databasePath: _path))
        {
            var postId = await before.PostQuestionAsync();
            await before.AnswerAsync(postId, "ann", "B");
            await before.AnswerAsync(postId, "bob", "A");
            await before.AnswerAsync(postId, "cy", "B");
        }
        var app = new QuizApp(TestDeck.OneQuestion(), databasePath: _path);
        _ = app.Server;
        return app;
    }

    [Fact]
    public async Task Regrade_DryRun_SaysWhoGainsAndLosesAndChangesNothing()
    {
        await using var app = await AnsweredThenFixedAsync();
        var postsBefore = app.Platform.Posts.Count;

        var reply = await app.RunAsync("/quiz regrade", Admin);

        Assert.True(reply.Private);
        Assert.Equal("""
            **Regrade · dry run** (nothing changed yet)
            - MCQ 1 (`test/mcq/1`): key now B) Option B — 3 answers would change; 2 people would gain 10 points each and 1 person would lose 10 points
            To apply it and post a correction in the channel for each question: `/quiz regrade confirm:true`
            """, reply.Text);
        Assert.Equal(postsBefore, app.Platform.Posts.Count);
        var stats = await app.RunAsync("/stats", QuizApp.User("ann"));
        Assert.Contains("Scored answers: 1, correct 0 (0%)", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regrade_Confirm_FixesScoresStatsLeaderboardStreaksMemoryAndPostsOneCorrection()
    {
        await using var app = await AnsweredThenFixedAsync();
        var leaderboardBefore = await app.RunAsync("/leaderboard", QuizApp.User("ann"));
        var postsBefore = app.Platform.Posts.Count;

        var reply = await app.RunAsync("/quiz regrade question:\"MCQ 1\" confirm:true", Admin);

        Assert.Equal("""
            **Regraded**
            - MCQ 1 (`test/mcq/1`): key now B) Option B — 3 answers changed; 2 people gained 10 points each and 1 person lost 10 points
            Scores, leaderboards, streaks, /stats, item analysis and review schedules now use the new grades; a correction was posted in the channel for each question.
            """, reply.Text);
        var correction = Assert.Single(app.Platform.Posts.Skip(postsBefore));
        Assert.Equal("**Correction:** MCQ 1's key was corrected to B) Option B; 2 people gained 10 points each and 1 person lost 10 points.", correction.Message.Text);
        Assert.False(correction.Message.Private);

        Assert.Contains("Scored answers: 1, correct 1 (100%)", (await app.RunAsync("/stats", QuizApp.User("ann"))).Text, StringComparison.Ordinal);
        Assert.Contains("Scored answers: 1, correct 0 (0%)", (await app.RunAsync("/stats", QuizApp.User("bob"))).Text, StringComparison.Ordinal);
        var leaderboard = await app.RunAsync("/leaderboard", QuizApp.User("ann"));
        Assert.NotEqual(leaderboardBefore.Text, leaderboard.Text);
        Assert.Contains("facility 67%", (await app.RunAsync("/quiz analysis", Admin)).Text, StringComparison.Ordinal);

        await using var db = app.Db();
        var people = await db.People.AsNoTracking().OrderBy(p => p.ExternalId).Select(p => new { p.ExternalId, p.CurrentStreak, p.BestStreak }).ToListAsync();
        Assert.Equal([("ann", 1, 1), ("bob", 0, 0), ("cy", 1, 1)], people.Select(p => (p.ExternalId, p.CurrentStreak, p.BestStreak)));
        var totals = await db.ScoreTotals.AsNoTracking().Where(t => t.Period == "A").OrderBy(t => t.PersonId).Select(t => new { t.Points, t.Correct }).ToListAsync();
        Assert.Equal([(10.0, 1), (0.0, 0), (10.0, 1)], totals.Select(t => (t.Points, t.Correct)));
        var reviews = await db.ReviewStates.AsNoTracking().OrderBy(r => r.PersonId).Select(r => new { r.Right, r.Wrong }).ToListAsync();
        Assert.Equal([(1, 0), (0, 1), (1, 0)], reviews.Select(r => (r.Right, r.Wrong)));
        Assert.All(await db.Answers.AsNoTracking().ToListAsync(), a => Assert.Equal(QuestionVersion.Of(TestDeck.Deck().Questions[0]), a.QuestionVersion));

        // Again: nothing left to do, and no second correction.
        var again = await app.RunAsync("/quiz regrade confirm:true", Admin);
        Assert.StartsWith("Nothing to regrade", again.Text, StringComparison.Ordinal);
        Assert.Single(app.Platform.Posts.Skip(postsBefore));
        Assert.Equal(leaderboard.Text, (await app.RunAsync("/leaderboard", QuizApp.User("ann"))).Text);
    }

    [Fact]
    public async Task Regrade_NotAdminOrUnknownQuestion_IsRefusedAndChangesNothing()
    {
        await using var app = await AnsweredThenFixedAsync();

        var student = await app.RunAsync("/quiz regrade confirm:true", QuizApp.User("bob"));
        var unknown = await app.RunAsync("/quiz regrade question:mcq7", Admin);
        var deck = await app.RunAsync("/quiz regrade deck:nope", Admin);

        Assert.StartsWith("Only admins", student.Text, StringComparison.Ordinal);
        Assert.Equal("No question is called `mcq7`; name it like `question:\"MCQ 3\"` (with `deck:` where several decks have one) or by its id as `/quiz analysis` shows it.", unknown.Text);
        Assert.Equal("There is no deck `nope`. Decks: test.", deck.Text);
        await using var db = app.Db();
        var wrongKey = QuestionVersion.Of(WrongKey().AllQuestions.Single());
        Assert.All(await db.Answers.AsNoTracking().ToListAsync(), a => Assert.Equal(wrongKey, a.QuestionVersion));
    }
}
