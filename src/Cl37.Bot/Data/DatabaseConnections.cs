using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cl37.Bot.Data;

/// <summary>Plain ADO.NET connections for the start-up check and the readiness probe: they need one
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
            var csb = new SqliteConnectionStringBuilder(DataHostingExtensions.SqliteConnectionString(options.Value.ConnectionString));
            if (mustExist)
            {
                if (csb.Mode == SqliteOpenMode.ReadWriteCreate)
                    csb.Mode = SqliteOpenMode.ReadWrite;
                csb.Pooling = false;
            }
            connection = new SqliteConnection(csb.ToString());
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
