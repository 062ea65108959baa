using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cl37.Bot.Data;

/// <summary>Used by <c>dotnet ef</c> to create migrations.</summary>
internal sealed class BotDbContextDesignFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite("Data Source=design.db").Options;
        return new BotDbContext(options);
    }
}
