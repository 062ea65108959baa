using System.Buffers.Binary;

namespace Cl37.Bot.Data;

/// <summary>Tells whether the SQLite file this process opened is still the one at its path. Every
/// write asks it before it starts and again before it is acknowledged (EF Core through
/// <see cref="StorageInterceptor"/>, the answer writer directly): a pooled connection keeps writing
/// to a deleted or replaced file without any error.</summary>
public sealed class SqliteFileGuard(DatabaseState state, DatabaseConnections connections)
{
    // sqlite.org/fileformat.html#the_database_header: "SQLite format 3\0", application_id at offset 68 (big-endian).
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;
    private const int ApplicationIdOffset = 68;
    private const int HeaderSize = 100;

    /// <summary>Throws <see cref="DatabaseFileLostException"/> when the file is gone or replaced.</summary>
    public void ThrowIfLost()
    {
        if (Problem() is { } problem)
            throw new DatabaseFileLostException(problem);
    }

    /// <summary>What happened to the file, or null when it is the one this process opened (and always on PostgreSQL).</summary>
    public string? Problem()
    {
        if (state.SqliteFile is not { } file)
            return null;
        if (!File.Exists(file.Path))
            return $"the database file {file.Path} is gone (deleted or moved while the bot ran): restore it and restart; nothing is saved meanwhile";
        if (HeaderId(file.Path) == file.Id)
            return null;
        // The header on disk can lag behind a change still in the WAL; the database itself has the last word.
        int id;
        try
        {
            id = connections.ReadSqliteFileId();
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex))
        {
            return $"the database file {file.Path} cannot be read ({StorageFaults.Describe(ex)}): restore it and restart; nothing is saved meanwhile";
        }
        return id == file.Id ? null
            : $"the database file {file.Path} was replaced while the bot ran (its id is {id}, this process opened {file.Id}): restart the bot to use the new file; nothing is saved meanwhile";
    }

    private static int? HeaderId(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            Span<byte> header = stackalloc byte[HeaderSize];
            if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header[..Magic.Length].SequenceEqual(Magic))
                return null;
            return BinaryPrimitives.ReadInt32BigEndian(header[ApplicationIdOffset..]);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
