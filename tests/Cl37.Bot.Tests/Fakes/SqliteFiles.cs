namespace Cl37.Bot.Tests.Fakes;

/// <summary>Removes a test's SQLite database with its WAL, shared-memory and id marker files.</summary>
internal static class SqliteFiles
{
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".id" })
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
