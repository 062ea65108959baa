using Cl37.Bot.Data;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cl37.Bot.Tests.Data;

/// <summary>A database written by an earlier release is brought up to date at start without losing
/// what it holds.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private const string BeforeLeanerIndexes = "20261203171942_ScheduleRemovalPause";
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
        Assert.Equal((7L, "mcq-1", 2), (review.PersonId, review.QuestionId, review.Box));
    }

    private BotDbContext Context() => new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={_path}").Options);

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
