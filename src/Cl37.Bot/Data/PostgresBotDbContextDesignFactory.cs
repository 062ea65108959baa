using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cl37.Bot.Data;

/// <summary>Used by <c>dotnet ef migrations add X --context PostgresBotDbContext --output-dir Data/Migrations/Postgres</c>;
/// creating a migration needs no running server.</summary>
internal sealed class PostgresBotDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql("Host=127.0.0.1;Database=cl37bot").Options;
        return new PostgresBotDbContext(options);
    }
}
