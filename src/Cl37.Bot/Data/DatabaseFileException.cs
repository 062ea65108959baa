namespace Cl37.Bot.Data;

/// <summary>The SQLite file or its folder cannot be written; the message names the file and says what to change.</summary>
public sealed class DatabaseFileException(string message, Exception inner) : Exception(message, inner)
{
    internal static DatabaseFileException NotWritable(string path, Exception inner) =>
        new($"The database file {path} cannot be written ({inner.Message}): give the app's user write access to {Path.GetDirectoryName(path)} "
            + "(in Docker, a volume that is not mounted read-only and belongs to the app's user), or point Database:ConnectionString at a writable place.", inner);
}
