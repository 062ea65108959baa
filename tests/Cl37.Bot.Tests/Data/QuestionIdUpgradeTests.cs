using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.ScaleOut;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cl37.Bot.Tests.Data;

/// <summary>A database written when question ids were positions (deck/mcq/3) keeps every answer,
/// review state and post through the upgrade: the migration marks the ids, the first start maps them
/// to the stable ids of the deck as it is then, and later edits of the deck move nothing.</summary>
public sealed class QuestionIdUpgradeTests
{
    private const string SqliteBefore = "20261207152812_FsrsMemoryAndExamDate";
    private const string PostgresBefore = "20261207152917_FsrsMemoryAndExamDate";

    private const string DeckText = """
        # Deck

        ## Section A: Multiple Choice Questions (MCQ)

        ### MCQ 1 {#onnx}
        **Question:** What does ONNX stand for?

        **Options:**
        - A) Online Neural Network eXchange
        - B) Open Neural Network Exchange

        **Correct Answer:** B

        ### MCQ 2
        **Question:** Which library serializes scikit-learn models best?

        **Options:**
        - A) pickle
        - B) joblib

        **Correct Answer:** B
        """;

    // The same deck with a question inserted at the top: every later question's number moves.
    private const string EditedDeckText = """
        # Deck

        ## Section A: Multiple Choice Questions (MCQ)

        ### MCQ 1
        **Question:** What is a container image?

        **Options:**
        - A) A running process
        - B) A packaged filesystem and config

        **Correct Answer:** B

        ### MCQ 2 {#onnx}
        **Question:** What does ONNX stand for?

        **Options:**
        - A) Online Neural Network eXchange
        - B) Open Neural Network Exchange

        **Correct Answer:** B

        ### MCQ 3
        **Question:** Which library serializes scikit-learn models best?

        **Options:**
        - A) pickle
        - B) joblib

        **Correct Answer:** B
        """;

    // Answers to deck/mcq/1 and /2, one to a question since removed (mcq/9), one of a deck not loaded now.
    private const string OldRows = """
        INSERT INTO "Groups" ("Id", "Platform", "ExternalId", "TimeZone", "StreakBonus", "SpeedBonus", "EveryoneCanPost", "HideResults", "CreatedUtc")
            VALUES (1, 'playground', 'room', 'UTC', {F}, {F}, {F}, {F}, '2026-11-01 00:00:00');
        INSERT INTO "Channels" ("Id", "GroupId", "ExternalId", "CreatedUtc") VALUES (1, 1, 'general', '2026-11-01 00:00:00');
        INSERT INTO "People" ("Id", "GroupId", "ExternalId", "DisplayName", "CurrentStreak", "BestStreak") VALUES (7, 1, 'ana', 'Ana', 1, 1), (8, 1, 'ben', 'Ben', 0, 0);
        INSERT INTO "Posts" ("Id", "ChannelId", "GroupId", "QuestionId", "PostedUtc", "HideResults") VALUES
            (1, 1, 1, 'deck/mcq/1', '2026-11-02 09:00:00', {F}), (2, 1, 1, 'deck/mcq/2', '2026-11-03 09:00:00', {F}),
            (3, 1, 1, 'deck/mcq/9', '2026-11-04 09:00:00', {F}), (4, 1, 1, 'other/mcq/1', '2026-11-05 09:00:00', {F});
        INSERT INTO "Answers" ("Id", "PostId", "PersonId", "GroupId", "QuestionId", "Response", "Points", "IsCorrect", "Practice", "AnsweredUtc", "LatencyMs") VALUES
            (1, 1, 7, 1, 'deck/mcq/1', 'B', 10, {T}, {F}, '2026-11-02 09:01:00', 60000),
            (2, 1, 8, 1, 'deck/mcq/1', 'A', 0, {F}, {F}, '2026-11-02 09:02:00', 120000),
            (3, 2, 7, 1, 'deck/mcq/2', 'A', 0, {F}, {F}, '2026-11-03 09:01:00', 60000),
            (4, 3, 7, 1, 'deck/mcq/9', 'C', 10, {T}, {F}, '2026-11-04 09:01:00', 60000),
            (5, 4, 8, 1, 'other/mcq/1', 'D', 10, {T}, {F}, '2026-11-05 09:01:00', 60000);
        INSERT INTO "ReviewStates" ("PersonId", "QuestionId", "Stability", "Difficulty", "LastReviewUtc", "DueUtc", "Right", "Wrong") VALUES
            (7, 'deck/mcq/1', 3.1, 5.2, '2026-11-02 09:01:00', '2026-11-05 09:01:00', 1, 0),
            (8, 'deck/mcq/1', 0.4, 7.1, '2026-11-02 09:02:00', '2026-11-03 09:02:00', 0, 1),
            (7, 'deck/mcq/2', 0.4, 7.1, '2026-11-03 09:01:00', '2026-11-04 09:01:00', 0, 1);
        """;

    [Fact]
    public async Task Upgrade_SqlitePositionalIds_MapsToStableIdsAndKeepsEveryAnswer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cl37-ids-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={path}").Options;
            var connections = Connections(DatabaseOptions.Sqlite, $"Data Source={path}");
            await CheckAsync(() => new BotDbContext(options), connections, SqliteBefore, async sql =>
            {
                await using var connection = new SqliteConnection($"Data Source={path}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql.Replace("{T}", "1", StringComparison.Ordinal).Replace("{F}", "0", StringComparison.Ordinal);
                await command.ExecuteNonQueryAsync();
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(path);
        }
    }

    [PostgresFact]
    public async Task Upgrade_PostgresPositionalIds_MapsToStableIdsAndKeepsEveryAnswer()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql(database.ConnectionString).Options;
        await CheckAsync(() => new PostgresBotDbContext(options), Connections(DatabaseOptions.Postgres, database.ConnectionString), PostgresBefore, async sql =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql.Replace("{T}", "true", StringComparison.Ordinal).Replace("{F}", "false", StringComparison.Ordinal);
            await command.ExecuteNonQueryAsync();
        });
    }

    [Fact]
    public async Task Start_NothingMarked_LeavesEfCoreUnopened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cl37-ids-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new BotDbContext(options))
                await db.Database.MigrateAsync();
            var deck = DeckParser.ParseText("deck.md", DeckText).Deck!;
            var upgrade = new QuestionIdUpgrade(Connections(DatabaseOptions.Sqlite, $"Data Source={path}"),
                new Factory(() => throw new InvalidOperationException("EF Core was opened with nothing to upgrade")),
                new DeckLibrary([deck], []), NullLogger<QuestionIdUpgrade>.Instance);
            await upgrade.StartAsync(CancellationToken.None);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(path);
        }
    }

    private static DatabaseConnections Connections(string provider, string connectionString) =>
        new(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }));

    private static async Task CheckAsync(Func<BotDbContext> context, DatabaseConnections connections, string before, Func<string, Task> execute)
    {
        await using (var db = context())
            await db.GetService<IMigrator>().MigrateAsync(before);
        await execute(OldRows);
        await using (var db = context())
            await db.Database.MigrateAsync();

        var deck = DeckParser.ParseText("deck.md", DeckText).Deck!;
        var factory = new Factory(context);
        // Through the start-up path, which finds the marked rows with one plain query first.
        await new QuestionIdUpgrade(connections, factory, new DeckLibrary([deck], []), NullLogger<QuestionIdUpgrade>.Instance).StartAsync(CancellationToken.None);

        var onnx = deck.Questions[0].Id;
        var joblib = deck.Questions[1].Id;
        Assert.Equal("deck/onnx", onnx);
        Assert.StartsWith("deck/mcq-", joblib, StringComparison.Ordinal);
        await using (var db = context())
        {
            var answers = await db.Answers.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(
                [(onnx, "B", 10.0, true), (onnx, "A", 0.0, false), (joblib, "A", 0.0, false), ("deck/mcq/9", "C", 10.0, true), ("positional:other/mcq/1", "D", 10.0, true)],
                answers.Select(a => (a.QuestionId, a.Response, a.Points, a.IsCorrect)));
            Assert.All(answers, a => Assert.Null(a.QuestionVersion));
            Assert.Equal([onnx, joblib, "deck/mcq/9", "positional:other/mcq/1"], await db.Posts.OrderBy(p => p.Id).Select(p => p.QuestionId).ToListAsync());
            var reviews = await db.ReviewStates.AsNoTracking().OrderBy(r => r.PersonId).ThenBy(r => r.QuestionId).ToListAsync();
            Assert.Equal([(7L, joblib, 0, 1), (7L, onnx, 1, 0), (8L, onnx, 0, 1)],
                reviews.Select(r => (r.PersonId, r.QuestionId, r.Right, r.Wrong)).OrderBy(r => r.PersonId).ThenBy(r => r.QuestionId, StringComparer.Ordinal));
            Assert.Equal(3.1, reviews.Single(r => r.PersonId == 7 && r.QuestionId == onnx).Stability);
        }

        // The author inserts a question at the top and restarts: nothing moves.
        var edited = DeckParser.ParseText("deck.md", EditedDeckText).Deck!;
        var again = new QuestionIdUpgrade(connections, factory, new DeckLibrary([edited], []), NullLogger<QuestionIdUpgrade>.Instance);
        Assert.Equal(0, await again.UpgradeAsync(CancellationToken.None));
        Assert.Equal([onnx, joblib], edited.Questions.Skip(1).Select(q => q.Id));
        Assert.Equal(["deck/mcq/2", "deck/mcq/3"], edited.Questions.Skip(1).Select(QuestionIds.Positional));
    }

    private sealed class Factory(Func<BotDbContext> create) : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => create();
    }
}
