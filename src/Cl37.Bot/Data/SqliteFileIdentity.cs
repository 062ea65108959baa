namespace Cl37.Bot.Data;

/// <summary>The SQLite file a process works on and the random id in its header
/// (<c>PRAGMA application_id</c>), so a file deleted or replaced under the running process is noticed.
/// A marker file beside it keeps the id, so a restart that finds the marker but no database knows a
/// database was expected there.</summary>
public sealed record SqliteFileIdentity(string Path, int Id)
{
    public string MarkerPath => MarkerOf(Path);

    public static string MarkerOf(string databasePath) => databasePath + ".id";
}
