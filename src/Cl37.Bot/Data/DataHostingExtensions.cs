using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cl37.Bot.Data;

public static class DataHostingExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            // Plain checks rather than data annotations: their validator (reflection, a Regex) cost start-up time.
            .Validate(o => !string.IsNullOrWhiteSpace(o.Provider), "Database:Provider is required (Sqlite or Postgres).")
            .Validate(o => string.IsNullOrWhiteSpace(o.Provider) || o.Provider is DatabaseOptions.Sqlite or DatabaseOptions.Postgres, "Database:Provider must be Sqlite or Postgres.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:ConnectionString is required.")
            .Validate(o => o.Provider != DatabaseOptions.Sqlite || string.IsNullOrWhiteSpace(o.ConnectionString) || IsValidSqlite(o.ConnectionString), "Database:ConnectionString is not a valid SQLite connection string (e.g. Data Source=data/cl37bot.db).")
            .Validate(o => o.Provider != DatabaseOptions.Postgres || string.IsNullOrWhiteSpace(o.ConnectionString) || IsValidPostgres(o.ConnectionString), "Database:ConnectionString is not a valid PostgreSQL connection string (e.g. Host=db;Database=cl37bot;Username=cl37;Password=...).")
            .Validate(o => o.MinFreeMegabytes >= 0, "Database:MinFreeMegabytes must be 0 (no check) or more.")
            .ValidateOnStart();

        // The provider is chosen when the factory is first resolved, so settings that tests or
        // environment variables add after this call still count.
        builder.Services.AddSingleton<IDbContextFactory<BotDbContext>>(CreateFactory);
        builder.Services.AddSingleton<DatabaseConnections>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        builder.Services.AddSingleton<DatabaseState>();
        builder.Services.AddSingleton<SqliteFileGuard>();
        builder.Services.AddSingleton<SqliteDiskSpace>();
        builder.Services.AddSingleton<StorageInterceptor>();
        builder.Services.AddHostedService<DatabaseReadProbe>();
        return builder;
    }

    private static IDbContextFactory<BotDbContext> CreateFactory(IServiceProvider sp)
    {
        var settings = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        if (settings.Provider == DatabaseOptions.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresBotDbContext>();
            Configure(options, settings);
            options.UseLoggerFactory(loggers).UseApplicationServiceProvider(sp).AddInterceptors(sp.GetRequiredService<StorageInterceptor>());
            return new PostgresContextFactory(new PooledDbContextFactory<PostgresBotDbContext>(options.Options));
        }
        var sqlite = new DbContextOptionsBuilder<BotDbContext>();
        // The app's own connections never create the file: the migrator has made it, and a connection
        // opened after it was deleted must fail rather than start an empty database in its place.
        Configure(sqlite, settings, createFile: false);
        sqlite.UseLoggerFactory(loggers).UseApplicationServiceProvider(sp).AddInterceptors(sp.GetRequiredService<StorageInterceptor>());
        return new PooledDbContextFactory<BotDbContext>(sqlite.Options);
    }

    internal static void Configure(DbContextOptionsBuilder options, DatabaseOptions settings, bool createFile = true)
    {
        if (settings.Provider == DatabaseOptions.Postgres)
            options.UseNpgsql(settings.ConnectionString);
        else
            options.UseSqlite(SqliteConnectionString(settings.ConnectionString, createFile)).AddInterceptors(new SqlitePragmas());
    }

    /// <summary>Resolves a relative SQLite file against the working directory, creates its folder,
    /// and turns on the pooled shared cache defaults.</summary>
    internal static string SqliteConnectionString(string connectionString, bool createFile = true)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!createFile && csb.Mode == SqliteOpenMode.ReadWriteCreate)
            csb.Mode = SqliteOpenMode.ReadWrite;
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(csb.DataSource);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw DatabaseFileException.NotWritable(full, ex);
            }
            csb.DataSource = full;
        }
        if (csb.DefaultTimeout == 30)
            csb.DefaultTimeout = 5;
        return csb.ToString();
    }

    private static bool IsValidSqlite(string connectionString)
    {
        try
        {
            var csb = new SqliteConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(csb.DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsValidPostgres(string connectionString)
    {
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(csb.Host);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class PostgresContextFactory(IDbContextFactory<PostgresBotDbContext> inner) : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<BotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
