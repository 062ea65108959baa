using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cl37.Bot.Data;

/// <summary>Sorts storage errors into "busy" (another writer holds the lock: wait and retry) and
/// "fault" (full disk, I/O error, missing or damaged file, unreachable server: nothing was saved).</summary>
public static class StorageFaults
{
    // sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static bool IsBusy(Exception ex) => Find(ex) is { } e && e switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        TimeoutException => true,
        _ => false,
    };

    public static bool IsFault(Exception ex) => !IsBusy(ex) && Find(ex) is not null;

    private const string WriteMark = "Cl37.Bot.Data.Write";
    private const string PostgresDiskFull = "53100";

    /// <summary>Whether the error came from the database at all (any database error, or the file gone).</summary>
    public static bool IsStorage(Exception ex) => Find(ex) is not null || Database(ex) is not null;

    /// <summary>Whether the error ended a write (so nothing was saved) rather than a read (so nothing could be shown).</summary>
    public static bool IsWrite(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateException or DatabaseFileLostException || e.Data.Contains(WriteMark))
                return true;
            // Only a write can find the disk full (SQLITE_FULL; PostgreSQL's disk_full class 53100).
            if (e is SqliteException { SqliteErrorCode: SqliteFull } || e is PostgresException { SqlState: PostgresDiskFull })
                return true;
        }
        return false;
    }

    /// <summary>Marks the error of a statement that writes, for <see cref="IsWrite"/>.</summary>
    public static void MarkWrite(Exception ex) => ex.Data[WriteMark] = true;

    /// <summary>A short cause for health and logs, e.g. "SQLite error 13: database or disk is full".</summary>
    public static string Describe(Exception ex) => (Find(ex) ?? Database(ex)) switch
    {
        SqliteException s => $"SQLite error {s.SqliteErrorCode}: {Sqlite3Message(s)}",
        { } e => $"{e.GetType().Name}: {e.Message}",
        null => ex.GetType().Name,
    };

    // Any other database error (e.g. "no such table" from a wrong file) still names its cause.
    private static System.Data.Common.DbException? Database(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException db)
                return db;
        }
        return null;
    }

    // "SQLite Error 13: 'database or disk is full'." → "database or disk is full"
    private static string Sqlite3Message(SqliteException s)
    {
        var text = s.Message;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return (colon >= 0 ? text[(colon + 2)..] : text).Trim('\'', ' ', '.');
    }

    private static Exception? Find(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteNotADatabase })
                return e;
            if (e is TimeoutException or IOException)
                return e;
            // Server-side: out of resources (53), shut down by an operator (57P), system error (58), lock conflicts (40).
            if (e is PostgresException p && (p.SqlState.StartsWith("53", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                || p.SqlState.StartsWith("58", StringComparison.Ordinal) || p.SqlState.StartsWith("40", StringComparison.Ordinal) || p.SqlState == PostgresErrorCodes.LockNotAvailable))
                return e;
            // Client-side: the server could not be reached or the connection broke.
            if (e is NpgsqlException and not PostgresException)
                return e;
        }
        return null;
    }
}
