using System.Data.Common;
namespace Cl37.Bot.Benchmarks;

internal static class BenchDatabase
{
    /// <summary>Removes a benchmark's SQLite database with its WAL and shared-memory files and the
    /// bot's marker that a database existed there.</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        File.Delete(Bot.Data.SqliteFileIdentity.MarkerOf(path));
    }

    /// <summary>Runs one statement of seeding SQL with named parameters (<c>@name</c>).</summary>
    public static async Task ExecAsync(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync();
    }
}
