using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

/// <summary>Applies the committed migrations before the app serves anything, and sets SQLite to WAL.</summary>
internal sealed class DatabaseMigrator(IDbContextFactory<BotDbContext> factory, DatabaseState state, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; NORMAL keeps commits consistent
            // through an app crash without an fsync per commit (sqlite.org/pragma.html#pragma_synchronous).
            await db.Database.OpenConnectionAsync(cancellationToken);
            DbConnection connection = db.Database.GetDbConnection();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode=WAL;";
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s)", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }
        state.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
