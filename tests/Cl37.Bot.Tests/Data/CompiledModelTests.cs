using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cl37.Bot.Tests.Data;

/// <summary>The app starts on the compiled models in Data/CompiledModels (building the model from
/// code costs ~0.7 s at every start). They must describe exactly what the entity configurations say.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void SqliteCompiledModel_ComparedWithTheEntityConfigurations_HasNoDifferences()
    {
        using var db = new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite("Data Source=:memory:").Options);
        AssertSame(db, "BotDbContext", "Sqlite");
    }

    [Fact]
    public void PostgresCompiledModel_ComparedWithTheEntityConfigurations_HasNoDifferences()
    {
        using var db = new PostgresBotDbContext(new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql("Host=127.0.0.1").Options);
        AssertSame(db, "PostgresBotDbContext", "Postgres");
    }

    private static void AssertSame(BotDbContext db, string context, string folder)
    {
        var compiled = db.Model;
        var fromCode = db.GetService<IDesignTimeModel>().Model;
        Assert.IsType<RuntimeModel>(compiled, exactMatch: false);
        Assert.NotSame(compiled, fromCode);

        var expected = Fingerprint(fromCode);
        var actual = Fingerprint(compiled);

        Assert.True(expected.SequenceEqual(actual),
            $"Data/CompiledModels/{folder} is out of date; missing: {string.Join(" | ", expected.Except(actual))}; extra: {string.Join(" | ", actual.Except(expected))}. Run: " +
            $"dotnet ef dbcontext optimize --project src/Cl37.Bot --context {context} --output-dir Data/CompiledModels/{folder} --namespace Cl37.Bot.Data.CompiledModels.{folder}");
    }

    // Everything the database and the queries see: tables, columns with store types, keys, indexes,
    // foreign keys, and the CLR side of each property with its converter.
    private static List<string> Fingerprint(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"column {table.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"));
            if (table.PrimaryKey is { } pk)
                lines.Add($"pk {table.Name} {pk.Name} ({string.Join(",", pk.Columns.Select(c => c.Name))})");
            lines.AddRange(table.Indexes.Select(i => $"index {table.Name} {i.Name} unique={i.IsUnique} ({string.Join(",", i.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.UniqueConstraints.Select(u => $"unique {table.Name} {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"fk {table.Name} {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        foreach (var entity in model.GetEntityTypes())
        {
            lines.AddRange(entity.GetProperties().Select(p =>
                $"property {entity.Name}.{p.Name} {p.ClrType.Name} generated={p.ValueGenerated} converter={p.GetValueConverter()?.GetType().Name}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
