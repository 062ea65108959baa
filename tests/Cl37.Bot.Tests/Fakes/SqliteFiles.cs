namespace Cl37.Bot.Tests.Fakes;

/// <summary>Removes a test's SQLite database with its WAL and shared-memory files.</summary>
internal static class SqliteFiles
{
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // Still open in a process that is going away; the temp folder is cleaned anyway.
            }
        }
    }
}
