using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Data;

/// <summary>Applies the committed migrations before the app serves anything, and sets SQLite to WAL.</summary>
internal sealed class DatabaseMigrator(
    DatabaseConnections connections,
    IOptions<DatabaseOptions> settings,
    IDbContextFactory<BotDbContext> factory,
    DatabaseState state,
    Random random,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    // Any fixed number; it only has to be the same in every replica ("Cl37" in ASCII).
    private const long MigrationLockKey = 0x436C3337;

    public const string CreateIfMissingSetting = DatabaseOptions.Section + ":" + nameof(DatabaseOptions.CreateIfMissing);

    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync().WaitAsync(cancellationToken);

    /// <summary>Why the bot must not start: the marker beside the SQLite path shows a database was kept
    /// there, the file is gone, and <see cref="DatabaseOptions.CreateIfMissing"/> is off. Null when it may start.
    /// The marker is left as it is, so the next start still knows.</summary>
    public static string? MissingDatabase(DatabaseConnections connections, DatabaseOptions settings)
    {
        if (settings.CreateIfMissing || connections.SqlitePath is not { } path || File.Exists(path) || !File.Exists(SqliteFileIdentity.MarkerOf(path)))
            return null;
        return $"The database file {path} is missing, but {SqliteFileIdentity.MarkerOf(path)} shows a database was kept there: " +
            $"restore the file (or fix Database:ConnectionString), or set {CreateIfMissingSetting}=true to start with a new, empty database.";
    }

    private async Task MigrateAsync()
    {
        // Not cancellable: a migration cut off halfway helps nobody, and it is bounded by the database's own timeouts.
        var cancellationToken = CancellationToken.None;
        var sqlitePath = connections.SqlitePath;
        if (MissingDatabase(connections, settings.Value) is { } missing)
            throw new DatabaseFileLostException(missing);
        if (sqlitePath is not null)
            EnsureWritable(sqlitePath);
        if (sqlitePath is not null && !File.Exists(sqlitePath) && File.Exists(SqliteFileIdentity.MarkerOf(sqlitePath)))
        {
            logger.LogWarning("Creating a new, empty database at {Path} ({Setting}=true), where {Marker} shows a database was kept before",
                sqlitePath, CreateIfMissingSetting, SqliteFileIdentity.MarkerOf(sqlitePath));
        }
        bool upToDate;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            if (!connections.IsPostgres)
            {
                // WAL lets readers run beside the single writer; NORMAL keeps commits consistent
                // through an app crash without an fsync per commit (sqlite.org/pragma.html#pragma_synchronous).
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            }
            // Migrate() costs hundreds of milliseconds even with nothing to do (EF Core's service
            // provider, the migration lock, the model diff), so a restart only checks that the newest
            // migration this build carries is recorded; anything else goes through Migrate().
            upToDate = await IsAppliedAsync(connection, connections.LatestMigrationId, cancellationToken);
        }
        if (!upToDate)
        {
            logger.LogInformation("Migrating the database to {Migration}", connections.LatestMigrationId);
            // Replicas starting together on one PostgreSQL database take turns: EF Core's own lock does
            // not stop two of them applying the same pending migration. Whoever waits then finds
            // nothing left to apply.
            await using var turn = connections.IsPostgres ? await connections.OpenAsync(cancellationToken) : null;
            if (turn is not null)
                await ExecuteAsync(turn, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                if (turn is not null)
                    await ExecuteAsync(turn, $"SELECT pg_advisory_unlock({MigrationLockKey});", cancellationToken);
            }
        }
        state.MarkReady(sqlitePath is null ? null : await StampAsync(sqlitePath, cancellationToken));
    }

    /// <summary>Gives the SQLite file a random id in its header (kept when it has one) and writes it
    /// to the marker beside it, so the readiness check can tell this file from a replacement.</summary>
    private async Task<SqliteFileIdentity> StampAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connections.ReadFileIdAsync(connection, cancellationToken);
        if (id == 0)
        {
            id = random.Next(1, int.MaxValue);
            await ExecuteAsync(connection, $"PRAGMA application_id = {id};", cancellationToken);
        }
        // Copies the header (with the id) from the WAL into the file, so the write guard finds the id
        // by reading the file's first bytes rather than opening a connection per write.
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        var identity = new SqliteFileIdentity(path, id);
        try
        {
            await File.WriteAllTextAsync(identity.MarkerPath, id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {Marker} ({Error}); a lost database will not be noticed at the next start", identity.MarkerPath, ex.Message);
        }
        return identity;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLite reports a read-only file or folder as "unable to open database file" or "attempt to write
    // a readonly database", naming neither; it also needs to create its -wal and -shm files beside the database.
    private static void EnsureWritable(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                }
            }
            var probe = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.write-check-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatabaseFileException.NotWritable(path, ex);
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, string migrationId, CancellationToken cancellationToken)
    {
        if (migrationId.Length == 0)
            return false;
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """SELECT count(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" = @id""";
            var p = cmd.CreateParameter();
            p.ParameterName = "@id";
            p.Value = migrationId;
            cmd.Parameters.Add(p);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (DbException)
        {
            // No history table yet: a new database.
            return false;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
