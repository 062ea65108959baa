using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database, as two replicas behind a load balancer.</summary>
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
}
