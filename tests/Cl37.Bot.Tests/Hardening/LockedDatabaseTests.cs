using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Hardening;

[Trait(Tier.Name, Tier.Slow)]
public sealed class LockedDatabaseTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(TestDeck.OneQuestion());

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Answer_WhileAnotherProcessHoldsTheWriteLock_AsksToTryAgainThenRecovers()
    {
        var postId = await _app.PostQuestionAsync();

        await using (var locker = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            var refused = await _app.AnswerAsync(postId, "blocked", "B");

            Assert.True(refused.Private);
            Assert.Contains("try again", refused.Text);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        await using (var db = _app.Db())
        {
            Assert.Equal(0, await db.Answers.CountAsync());
            Assert.Equal(0, await db.ScoreTotals.CountAsync());
            Assert.Equal(0, await db.People.CountAsync(p => p.ExternalId == "blocked"));
        }

        var retried = await _app.AnswerAsync(postId, "blocked", "B");

        Assert.Contains("Answer recorded", retried.Text);
        await using var after = _app.Db();
        Assert.Equal(1, await after.Answers.CountAsync());
        Assert.Equal(10, (await after.ScoreTotals.SingleAsync(t => t.Period == "A")).Points);
    }
}
