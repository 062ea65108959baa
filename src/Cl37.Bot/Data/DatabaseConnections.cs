using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cl37.Bot.Data;

/// <summary>Plain ADO.NET connections for the start-up checks and the readiness probe: they need one
/// query each, and going through EF Core first would build its service provider and model (~0.4 s
/// of a cold start) before the app may report ready.</summary>
public sealed class DatabaseConnections(IOptions<DatabaseOptions> options)
{
    private readonly Lazy<string> _latestMigration = new(() => LatestMigration(options.Value.Provider));

    public bool IsPostgres => options.Value.Provider == DatabaseOptions.Postgres;

    /// <summary>The newest migration this build carries for the configured provider.</summary>
    public string LatestMigrationId => _latestMigration.Value;

    /// <summary>The full path of the SQLite file, or null for PostgreSQL and in-memory databases.</summary>
    public string? SqlitePath
    {
        get
        {
            if (IsPostgres)
                return null;
            var csb = new SqliteConnectionStringBuilder(DataHostingExtensions.SqliteConnectionString(options.Value.ConnectionString));
            return csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:" ? null : csb.DataSource;
        }
    }

    /// <summary>Opens the database; <paramref name="mustExist"/> never creates a missing SQLite file
    /// (a probe must not replace a deleted database with an empty one) and opens the file afresh,
    /// not through a pooled connection that may still hold a deleted or replaced file.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken, bool mustExist = false)
    {
        DbConnection connection;
        if (IsPostgres)
            connection = new NpgsqlConnection(options.Value.ConnectionString);
        else
        {
            connection = new SqliteConnection(mustExist
                ? MustExist(options.Value.ConnectionString)
                : DataHostingExtensions.SqliteConnectionString(options.Value.ConnectionString));
        }
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The id in the header of the SQLite file now at the path, read through a connection of
    /// its own that never creates the file.</summary>
    public int ReadSqliteFileId()
    {
        using var connection = new SqliteConnection(MustExist(options.Value.ConnectionString));
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA application_id;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string MustExist(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(DataHostingExtensions.SqliteConnectionString(connectionString));
        if (csb.Mode == SqliteOpenMode.ReadWriteCreate)
            csb.Mode = SqliteOpenMode.ReadWrite;
        csb.Pooling = false;
        return csb.ToString();
    }

    // The first row of each core table: cheap at any size, and it fails when the file at the path has
    // lost its tables (a wrong copy), its pages cannot be read, or the server cannot answer.
    private const string ProbeSql = """
        SELECT 1 FROM "Groups" LIMIT 1; SELECT 1 FROM "Channels" LIMIT 1; SELECT 1 FROM "Posts" LIMIT 1;
        SELECT 1 FROM "People" LIMIT 1; SELECT 1 FROM "Answers" LIMIT 1; SELECT 1 FROM "ScoreTotals" LIMIT 1;
        """;

    /// <summary>A real read of the database as it is now (for SQLite, the file at the path, through a
    /// connection of its own that never creates it); null when it reads, otherwise what failed.</summary>
    public async Task<string?> ProbeReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken, mustExist: true);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = ProbeSql;
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"reading the database failed: {StorageFaults.Describe(ex)}";
        }
        return null;
    }

    /// <summary>Whether <paramref name="sql"/> (a query of at most one row) returns a row: the start-up
    /// checks for data still to upgrade, which usually find none.</summary>
    public async Task<bool> AnyRowAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    /// <summary>The id stamped in a SQLite file's header (<c>PRAGMA application_id</c>); 0 when none.</summary>
    public async Task<int> ReadFileIdAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA application_id;";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string LatestMigration(string provider)
    {
        var context = provider == DatabaseOptions.Postgres ? typeof(PostgresBotDbContext) : typeof(BotDbContext);
        return typeof(BotDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .DefaultIfEmpty("")
            .Max(StringComparer.Ordinal)!;
    }
}
