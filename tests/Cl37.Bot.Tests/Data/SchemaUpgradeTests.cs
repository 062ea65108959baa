using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cl37.Bot.Tests.Data;

/// <summary>A database written by an earlier release is brought up to date at start without losing
/// what it holds.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private const string BeforeLeanerIndexes = "20261203171942_ScheduleRemovalPause";
    private const string BeforeFsrs = "20261204013319_LeanerAnswerIndexes";
    private const string BeforeUploadedDecks = "20261207175025_SeveralPostsADay";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cl37-upgrade-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migrate_DatabaseWithTheOldAnswerIndexes_DropsThemAndKeepsTotalsAndReviews()
    {
        await using (var db = Context())
            await db.GetService<IMigrator>().MigrateAsync(BeforeLeanerIndexes);
        await ExecuteAsync("""
            INSERT INTO "ScoreTotals" ("GroupId", "Period", "PersonId", "Points", "Answered", "Correct") VALUES (1, 'all', 7, 12.5, 3, 2);
            INSERT INTO "ReviewStates" ("PersonId", "QuestionId", "Box", "DueUtc", "Right", "Wrong") VALUES (7, 'mcq-1', 2, '2026-12-06 00:00:00', 1, 0);
            """);
        Assert.Equal(["IX_ReviewStates_PersonId_DueUtc", "IX_ScoreTotals_GroupId_Period_Points_Correct"], await IndexesAsync());

        await using (var db = Context())
            await db.Database.MigrateAsync();

        Assert.Empty(await IndexesAsync());
        await using var check = Context();
        var total = await check.ScoreTotals.SingleAsync();
        Assert.Equal((12.5, 3, 2), (total.Points, total.Answered, total.Correct));
        var review = await check.ReviewStates.SingleAsync();
        // Marked as a positional id, for QuestionIdUpgrade to map when the decks are loaded.
        Assert.Equal((7L, "positional:mcq-1", 1, 0), (review.PersonId, review.QuestionId, review.Right, review.Wrong));
    }

    [Fact]
    public async Task Migrate_LeitnerBoxes_ReplayEachPersonsAnswersIntoFsrs()
    {
        await using (var db = Context())
            await db.GetService<IMigrator>().MigrateAsync(BeforeFsrs);
        await ExecuteAsync("""
            INSERT INTO "Groups" ("Id", "Platform", "ExternalId", "TimeZone", "StreakBonus", "SpeedBonus", "EveryoneCanPost", "HideResults", "CreatedUtc")
                VALUES (1, 'playground', 'room', 'UTC', 0, 0, 0, 0, '2026-11-01 00:00:00');
            INSERT INTO "Channels" ("Id", "GroupId", "ExternalId", "CreatedUtc") VALUES (1, 1, 'general', '2026-11-01 00:00:00');
            INSERT INTO "People" ("Id", "GroupId", "ExternalId", "DisplayName", "CurrentStreak", "BestStreak") VALUES (7, 1, 'ana', 'Ana', 1, 1), (8, 1, 'ben', 'Ben', 0, 0);
            INSERT INTO "Posts" ("Id", "ChannelId", "GroupId", "QuestionId", "PostedUtc", "HideResults") VALUES
                (1, 1, 1, 'mcq-1', '2026-11-02 09:00:00', 0), (2, 1, 1, 'mcq-1', '2026-11-05 09:00:00', 0),
                (3, 1, 1, 'mcq-1', '2026-11-20 09:00:00', 0), (4, 1, 1, 'msq-1', '2026-11-03 09:00:00', 0);
            INSERT INTO "Answers" ("Id", "PostId", "PersonId", "GroupId", "QuestionId", "Response", "Points", "IsCorrect", "Practice", "AnsweredUtc", "LatencyMs") VALUES
                (1, 1, 7, 1, 'mcq-1', 'B', 10, 1, 0, '2026-11-02 09:01:00', 60000),
                (2, 2, 7, 1, 'mcq-1', 'A', 0, 0, 0, '2026-11-05 09:01:00', 60000),
                (3, 3, 7, 1, 'mcq-1', 'B', 0, 1, 1, '2026-11-20 09:01:00', 60000),
                (4, 4, 8, 1, 'msq-1', 'A,C', 6.5, 0, 0, '2026-11-03 09:02:00', 120000);
            INSERT INTO "ReviewStates" ("PersonId", "QuestionId", "Box", "DueUtc", "Right", "Wrong") VALUES
                (7, 'mcq-1', 2, '2026-11-22 09:01:00', 2, 1), (8, 'msq-1', 1, '2026-11-03 09:12:00', 0, 1);
            """);

        await using (var db = Context())
            await db.Database.MigrateAsync();
        // Through the start-up path, which finds the rows to replay with one plain query first.
        await Replay().StartAsync(CancellationToken.None);

        var fsrs = Fsrs.Default;
        var ana = fsrs.Review(null, Utc("2026-11-02 09:01:00"), Rating.Good);
        ana = fsrs.Review(ana, Utc("2026-11-05 09:01:00"), Rating.Again);
        ana = fsrs.Review(ana, Utc("2026-11-20 09:01:00"), Rating.Good);
        // 6.5 of 10 points is more than half: partial credit counts as right.
        var ben = fsrs.Review(null, Utc("2026-11-03 09:02:00"), Rating.Good);
        await using var check = Context();
        var rows = await check.ReviewStates.OrderBy(r => r.PersonId).ToListAsync();
        Assert.Equal((ana.Stability, ana.Difficulty, ana.LastReviewUtc, ana.DueUtc, 2, 1),
            (rows[0].Stability, rows[0].Difficulty, rows[0].LastReviewUtc, rows[0].DueUtc, rows[0].Right, rows[0].Wrong));
        Assert.Equal((ben.Stability, ben.DueUtc), (rows[1].Stability, rows[1].DueUtc));
        Assert.Equal(0, await Replay().ReplayAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Start_NothingToReplay_LeavesEfCoreUnopened()
    {
        await using (var db = Context())
            await db.Database.MigrateAsync();
        var replay = new ReviewReplay(
            new DatabaseConnections(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={_path}" })),
            new ThrowingFactory(), NullLogger<ReviewReplay>.Instance);

        await replay.StartAsync(CancellationToken.None);
    }

    private sealed class ThrowingFactory : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => throw new InvalidOperationException("EF Core was opened with nothing to replay");
    }

    [Fact]
    public async Task Migrate_BeforeUploadedDecks_KeepsEveryAnswerAndAllowsOneVersionInServicePerName()
    {
        await using (var db = Context())
            await db.GetService<IMigrator>().MigrateAsync(BeforeUploadedDecks);
        await ExecuteAsync("""
            INSERT INTO "Groups" ("Id", "Platform", "ExternalId", "TimeZone", "StreakBonus", "SpeedBonus", "EveryoneCanPost", "HideResults", "CreatedUtc")
                VALUES (1, 'playground', 'room', 'UTC', 0, 0, 0, 0, '2026-11-01 00:00:00');
            INSERT INTO "Channels" ("Id", "GroupId", "ExternalId", "CreatedUtc") VALUES (1, 1, 'general', '2026-11-01 00:00:00');
            INSERT INTO "People" ("Id", "GroupId", "ExternalId", "DisplayName", "CurrentStreak", "BestStreak") VALUES (7, 1, 'ana', 'Ana', 1, 1);
            INSERT INTO "Posts" ("Id", "ChannelId", "GroupId", "QuestionId", "PostedUtc", "HideResults", "ScheduledSlot") VALUES (1, 1, 1, 'deck/mcq-1', '2026-11-02 09:00:00', 0, 0);
            INSERT INTO "Answers" ("Id", "PostId", "PersonId", "GroupId", "QuestionId", "Response", "Points", "IsCorrect", "Practice", "AnsweredUtc", "LatencyMs")
                VALUES (1, 1, 7, 1, 'deck/mcq-1', 'B', 10, 1, 0, '2026-11-02 09:01:00', 60000);
            """);

        await using (var db = Context())
            await db.Database.MigrateAsync();

        await using var check = Context();
        var answer = await check.Answers.SingleAsync();
        Assert.Equal(("deck/mcq-1", 10.0, true), (answer.QuestionId, answer.Points, answer.IsCorrect));
        Assert.Empty(check.UploadedDecks);
        check.UploadedDecks.Add(Upload(version: 1, DeckUploadState.Replaced));
        check.UploadedDecks.Add(Upload(version: 2, DeckUploadState.InService));
        await check.SaveChangesAsync();
        check.UploadedDecks.Add(Upload(version: 3, DeckUploadState.InService));
        await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync());
    }

    private static UploadedDeck Upload(int version, DeckUploadState state) => new()
    {
        GroupId = 1, Platform = "playground", UploadedBy = "tutor", Name = "bio", Version = version, Format = "gift",
        FileName = "bio.gift", Content = [1, 2, 3], Sha256 = new string('a', 64), State = state,
        CreatedUtc = Utc("2026-12-01 09:00:00"), ChangedUtc = Utc("2026-12-01 09:00:00"),
    };

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private BotDbContext Context() => new(Options());

    private ReviewReplay Replay() => new(
        new DatabaseConnections(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={_path}" })),
        new PooledDbContextFactory<BotDbContext>(Options()), NullLogger<ReviewReplay>.Instance);

    private DbContextOptions<BotDbContext> Options() => new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={_path}").Options;

    // The indexes of the two tables besides their keys.
    private async Task<List<string>> IndexesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "name" FROM sqlite_master
            WHERE "type" = 'index' AND "tbl_name" IN ('ScoreTotals', 'ReviewStates') AND "sql" IS NOT NULL
            ORDER BY "name"
            """;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        SqliteFiles.Delete(_path);
    }
}
