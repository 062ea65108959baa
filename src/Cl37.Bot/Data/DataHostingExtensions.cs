using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Data;

public static class DataHostingExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != "Sqlite" || IsValidSqlite(o.ConnectionString), "Database:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();

        builder.Services.AddPooledDbContextFactory<BotDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddSingleton<DatabaseState>();
        return builder;
    }

    internal static void Configure(DbContextOptionsBuilder options, DatabaseOptions settings)
    {
        options.UseSqlite(SqliteConnectionString(settings.ConnectionString)).AddInterceptors(new SqlitePragmas());
    }

    /// <summary>Resolves a relative SQLite file against the working directory, creates its folder,
    /// and turns on the pooled shared cache defaults.</summary>
    internal static string SqliteConnectionString(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
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
            _ = new SqliteConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
