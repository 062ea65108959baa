using Cl37.Bot.Chat;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database, as two replicas behind a load balancer.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class TwoInstanceAnswerTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private QuizApp _a = null!;
    private QuizApp _b = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        _a = new QuizApp(TestDeck.OneQuestion(), _db.Settings());
        _b = new QuizApp(TestDeck.OneQuestion(), _db.Settings());
        // Both replicas start at once: the migration must run once and neither may fail.
        await Task.WhenAll(Task.Run(() => _a.Server), Task.Run(() => _b.Server));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    [PostgresFact]
    public async Task Answer_ArrivingAtBothInstances_StoresEveryPersonOnce()
    {
        var postId = await _a.PostQuestionAsync();
        const int people = 150;
        var calls = new List<Task<OutgoingMessage>>();
        for (var i = 0; i < people; i++)
        {
            var user = "p" + i;
            var answer = i % 3 == 0 ? "B" : "A";
            calls.Add(Task.Run(() => (i % 2 == 0 ? _a : _b).AnswerAsync(postId, user, answer)));
        }
        var replies = await Task.WhenAll(calls);

        Assert.All(replies, r => Assert.Contains("Answer recorded", r.Text));
        Assert.Equal(people, await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId}"""));
        Assert.Equal(people, await _db.CountAsync($"""SELECT count(DISTINCT "PersonId") FROM "Answers" WHERE "PostId" = {postId}"""));
        Assert.Equal(people, await _db.CountAsync($"""SELECT coalesce(sum("Answered"), 0) FROM "ScoreTotals" WHERE "Period" = '{PeriodKeys.AllTime}'"""));
    }

    [PostgresFact]
    public async Task Answer_SamePersonTwoPostsOnBothInstances_StreakAndReviewBuildOnEachOther()
    {
        const int people = 150;
        // Each writer first stores everyone once (a wrong answer), so both know them and the next
        // answers skip the person upsert, whose row lock would order the writers anyway.
        var warmA = await _a.PostQuestionAsync(QuizApp.Channel("warm-a"));
        var warmB = await _a.PostQuestionAsync(QuizApp.Channel("warm-b"));
        await Task.WhenAll(Enumerable.Range(0, people).Select(i => _a.AnswerAsync(warmA, "s" + i, "A")));
        await Task.WhenAll(Enumerable.Range(0, people).Select(i => _b.AnswerAsync(warmB, "s" + i, "A")));

        // The same question open in two more channels: each person answers one post on A and the
        // other on B at once, so both writers score from the same person's streak and memory.
        var first = await _a.PostQuestionAsync(QuizApp.Channel("one"));
        var second = await _a.PostQuestionAsync(QuizApp.Channel("two"));
        var onA = Task.Run(() => Task.WhenAll(Enumerable.Range(0, people).Select(i => _a.AnswerAsync(first, "s" + i, "B"))));
        var onB = Task.Run(() => Task.WhenAll(Enumerable.Range(0, people).Select(i => _b.AnswerAsync(second, "s" + i, "B"))));
        var replies = (await onA).Concat(await onB).ToList();

        Assert.All(replies, r => Assert.Contains("Answer recorded", r.Text));
        Assert.Equal(people, await _db.CountAsync("""SELECT count(*) FROM "People" WHERE "CurrentStreak" = 2 AND "BestStreak" = 2"""));
        // Each review moves the difficulty, so a lost update would leave it off the four-answer value.
        var at = DateTime.UnixEpoch;
        var memory = Fsrs.Default.Review(null, at, Rating.Again);
        memory = Fsrs.Default.Review(Fsrs.Default.Review(Fsrs.Default.Review(memory, at, Rating.Again), at, Rating.Good), at, Rating.Good);
        var d = memory.Difficulty.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(people, await _db.CountAsync($"""SELECT count(*) FROM "ReviewStates" WHERE abs("Difficulty" - {d}) < 1e-9 AND "Right" = 2 AND "Wrong" = 2"""));
    }

    [PostgresFact]
    public async Task Answer_SamePeopleOnBothInstancesInOppositeOrder_OneRowEachAndNoBatchLost()
    {
        var postId = await _a.PostQuestionAsync();
        const int people = 120;
        // Opposite orders make the two writers' batches lock the same rows in reverse, the classic
        // deadlock shape; every click must still end in exactly one stored answer.
        var onA = Task.Run(() => Task.WhenAll(Enumerable.Range(0, people).Select(i => _a.AnswerAsync(postId, "q" + i, "B"))));
        var onB = Task.Run(() => Task.WhenAll(Enumerable.Range(0, people).Reverse().Select(i => _b.AnswerAsync(postId, "q" + i, "A"))));
        var replies = (await onA).Concat(await onB).ToList();

        Assert.True(people == replies.Count(r => r.Text.Contains("Answer recorded", StringComparison.Ordinal)), string.Join("\n", replies.Select(r => r.Text).Distinct()));
        Assert.True(people == replies.Count(r => r.Text.Contains("first answer counts", StringComparison.Ordinal)), string.Join("\n", replies.Select(r => r.Text).Distinct()));
        Assert.Equal(people, await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId}"""));
        Assert.Equal(people, await _db.CountAsync("""SELECT count(*) FROM "People" WHERE "ExternalId" LIKE 'q%'"""));
        Assert.Equal(people, await _db.CountAsync($"""SELECT coalesce(sum("Answered"), 0) FROM "ScoreTotals" WHERE "Period" = '{PeriodKeys.AllTime}'"""));
    }

    [PostgresFact]
    public async Task Answer_OnTheOtherInstanceAfterTheReveal_IsPracticeOnlyOnBoth()
    {
        var postId = await _a.PostQuestionAsync();
        // B learns the post while it is open, so its cache says "open" from here on.
        Assert.Contains("Answer recorded", (await _b.AnswerAsync(postId, "ann", "A")).Text);

        Assert.True(await _a.Get<RevealPoster>().RevealAsync(postId, CancellationToken.None));
        var ben = await _b.AnswerAsync(postId, "ben", "A");
        var cem = await _a.AnswerAsync(postId, "cem", "A");

        Assert.Contains("counts as practice only", ben.Text);
        Assert.Contains("counts as practice only", cem.Text);
        Assert.Equal(1, await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId} AND NOT "Practice" """));
        Assert.Equal(2, await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId} AND "Practice" AND "Points" = 0"""));
        Assert.Equal(1, await _db.CountAsync($"""SELECT coalesce(sum("Answered"), 0) FROM "ScoreTotals" WHERE "Period" = '{PeriodKeys.AllTime}'"""));
        Assert.Equal(1, Assert.Single(_a.Platform.Cards<RevealCard>()).AnsweredCount);
    }

    [PostgresFact]
    public async Task Answer_BurstOnOneInstanceWhileTheOtherReveals_RevealCountsEveryScoredAnswer()
    {
        var postId = await _a.PostQuestionAsync();
        await _b.AnswerAsync(postId, "warm", "A");
        const int people = 200;
        var burst = Task.Run(() => Task.WhenAll(Enumerable.Range(0, people).Select(i => _b.AnswerAsync(postId, "r" + i, "A"))));
        await Task.Delay(20);
        Assert.True(await _a.Get<RevealPoster>().RevealAsync(postId, CancellationToken.None));
        var replies = await burst;

        var scored = await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId} AND NOT "Practice" """);
        var practice = await _db.CountAsync($"""SELECT count(*) FROM "Answers" WHERE "PostId" = {postId} AND "Practice" """);
        Assert.Equal(people + 1, scored + practice);
        Assert.Equal(scored, Assert.Single(_a.Platform.Cards<RevealCard>()).AnsweredCount);
        Assert.Equal(practice, replies.Count(r => r.Text.Contains("practice only", StringComparison.Ordinal)));
        Assert.Equal(scored, await _db.CountAsync($"""SELECT coalesce(sum("Answered"), 0) FROM "ScoreTotals" WHERE "Period" = '{PeriodKeys.AllTime}'"""));
    }
}
