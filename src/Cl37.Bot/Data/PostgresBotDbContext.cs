using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

/// <summary>The same model on PostgreSQL. EF Core finds migrations by the context type, so this type
/// keeps the PostgreSQL migrations (Data/Migrations/Postgres) apart from the SQLite ones.</summary>
public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
