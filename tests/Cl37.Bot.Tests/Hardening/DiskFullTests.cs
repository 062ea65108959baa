using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>A full disk, made real for SQLite: every connection the app opens (through EF or the raw
/// connection the answer writer uses) gets <c>PRAGMA max_page_count</c>, so a write that needs one
/// more page fails with SQLITE_FULL (13) exactly as on a full volume.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(new DeckLibrary([TestDeck.Deck() with { Questions = [TestDeck.Deck().Questions[^1]] }], []));
    private readonly DiskLimit _limit = new();
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<BotDbContext>));
            services.Remove(original);
            services.AddSingleton<IDbContextFactory<BotDbContext>>(sp => new LimitedFactory((IDbContextFactory<BotDbContext>)original.ImplementationFactory!(sp), _limit));
        }));
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Answer_DiskFull_AsksToTryAgainStoresNothingHalfAndRecoversWhenSpaceReturns()
    {
        var dispatcher = _host.Services.Inbound();
        var admin = QuizApp.User("admin", admin: true);
        await dispatcher.DispatchTextAsync("/quiz now", QuizApp.Channel(), admin, CancellationToken.None);
        var postId = _app.Platform.Cards<QuestionCard>().Last().PostId;
        _limit.Full = true;

        var accepted = 0;
        OutgoingMessage? refused = null;
        string? refusedUser = null;
        for (var i = 0; i < 400 && refused is null; i++)
        {
            var user = new ChatUser("p" + i, "Person " + i + new string('n', 60), false);
            var text = "answer " + i + " " + new string('w', 180);
            var reply = await dispatcher.AnswerAsync(new AnswerAction(QuizApp.Channel(), user, postId, [text]), CancellationToken.None);
            if (reply.Text.Contains("Answer recorded", StringComparison.Ordinal))
                accepted++;
            else
            {
                refused = reply;
                refusedUser = user.Id;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Private);
        Assert.True(refused.NotSaved);
        Assert.Contains("Your answer was **not saved**", refused.Text);
        Assert.Contains("could not write to its database", refused.Text);
        Assert.DoesNotContain("busy", refused.Text);
        Assert.Contains("try again", refused.Text);

        // Readiness names the cause while writes fail; commands that only read still work.
        using var http = _host.CreateClient();
        using (var ready = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Contains("writes are failing", body);
            Assert.Contains("database or disk is full", body);
        }
        var board = await dispatcher.DispatchTextAsync("/leaderboard", QuizApp.Channel(), QuizApp.User("p0"), CancellationToken.None);
        Assert.False(board.NotSaved);
        Assert.Contains("Person 0", board.Text);
        Assert.InRange(accepted, 1, 399);
        await using (var db = Db())
        {
            Assert.Equal(accepted, await db.Answers.CountAsync());
            Assert.Equal(accepted, await db.People.CountAsync(p => p.ExternalId.StartsWith("p")));
            Assert.Equal(0, await db.People.CountAsync(p => p.ExternalId == refusedUser));
            Assert.Equal(0, await db.ScoreTotals.SumAsync(t => t.Points));
        }

        _limit.Full = false;
        var retried = await dispatcher.AnswerAsync(
            new AnswerAction(QuizApp.Channel(), new ChatUser(refusedUser!, "Back again", false), postId, ["Pod"]), CancellationToken.None);

        Assert.Contains("Answer recorded", retried.Text);
        using (var ready = await http.GetAsync("/health/ready"))
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        await using var after = Db();
        Assert.Equal(accepted + 1, await after.Answers.CountAsync());
        var person = await after.People.SingleAsync(p => p.ExternalId == refusedUser);
        Assert.Equal(1, await after.Answers.CountAsync(a => a.PersonId == person.Id));
        Assert.Equal(10, (await after.ScoreTotals.SingleAsync(t => t.PersonId == person.Id && t.Period == "A")).Points);
    }

    private BotDbContext Db() => _host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();

    private sealed class DiskLimit
    {
        public volatile bool Full;
    }

    private sealed class LimitedFactory(IDbContextFactory<BotDbContext> inner, DiskLimit limit) : IDbContextFactory<BotDbContext>
    {
        // Pooled contexts keep their connection: hook each connection once.
        private readonly ConditionalWeakTable<DbConnection, object> _hooked = [];

        public BotDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            var connection = db.Database.GetDbConnection();
            if (_hooked.TryAdd(connection, limit))
                connection.StateChange += OnStateChange;
            return db;
        }

        private void OnStateChange(object sender, StateChangeEventArgs e)
        {
            if (e.CurrentState != ConnectionState.Open || sender is not DbConnection connection)
                return;
            using var cmd = connection.CreateCommand();
            // Below the current size SQLite clamps it to the current size: no room for one more page.
            cmd.CommandText = limit.Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
            cmd.ExecuteNonQuery();
        }
    }
}
