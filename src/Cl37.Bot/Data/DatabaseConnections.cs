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

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(options.Value.ConnectionString)
            : new SqliteConnection(DataHostingExtensions.SqliteConnectionString(options.Value.ConnectionString));
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
