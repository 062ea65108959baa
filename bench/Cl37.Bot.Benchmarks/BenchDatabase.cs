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
}
