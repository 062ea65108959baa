namespace Cl37.Bot.Data;

/// <summary>What the readiness check needs to tell the truth about storage: whether the database has
/// been migrated, which SQLite file this process opened, and whether writes are failing now.</summary>
public sealed class DatabaseState(TimeProvider time)
{
    /// <summary>How long a failed write keeps the app not ready when nothing is written after it:
    /// long enough for a load balancer to notice, short enough that traffic comes back to try again.</summary>
    public static readonly TimeSpan WriteFailureRemembered = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private volatile bool _ready;
    private (DateTimeOffset At, string What)? _writeFailure;

    public bool IsReady => _ready;

    /// <summary>The SQLite file and the identity stamped into its header at start (null on PostgreSQL).</summary>
    public SqliteFileIdentity? SqliteFile { get; private set; }

    public void MarkReady(SqliteFileIdentity? sqliteFile)
    {
        SqliteFile = sqliteFile;
        _ready = true;
    }

    public void WriteSucceeded()
    {
        if (_writeFailure is null)
            return;
        lock (_lock)
            _writeFailure = null;
    }

    public void WriteFailed(Exception error)
    {
        lock (_lock)
            _writeFailure = (time.GetUtcNow(), StorageFaults.Describe(error));
    }

    /// <summary>The latest write failure with no successful write since, or null.</summary>
    public string? WriteFailure
    {
        get
        {
            lock (_lock)
            {
                if (_writeFailure is not { } failure || time.GetUtcNow() - failure.At > WriteFailureRemembered)
                    return null;
                return $"{failure.What} (at {failure.At:yyyy-MM-dd HH:mm:ss} UTC)";
            }
        }
    }
}
