using Microsoft.Data.Sqlite;

namespace Cl37.Bot.Quiz;

/// <summary>Recognises storage failures that go away by themselves (locked database, full disk).</summary>
public static class StorageErrors
{
    public static bool IsTransient(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            // SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_IOERR 10, SQLITE_FULL 13, SQLITE_CANTOPEN 14
            if (e is SqliteException { SqliteErrorCode: 5 or 6 or 10 or 13 or 14 })
                return true;
            if (e is TimeoutException or IOException)
                return true;
            if (e.GetType().Name is "NpgsqlException" or "PostgresException")
                return true;
        }
        return false;
    }
}
