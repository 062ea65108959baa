namespace Cl37.Bot.Data;

/// <summary>What the readiness check needs to tell the truth about storage: whether the database has
/// been migrated, which SQLite file this process opened, whether writes or reads are failing now, and
/// what the last timed read probe found.</summary>
public sealed class DatabaseState(TimeProvider time)
{
    /// <summary>How long a failed write or read keeps the app not ready when nothing clears it:
    /// long enough for a load balancer to notice, short enough that traffic comes back to try again.</summary>
    public static readonly TimeSpan FailureRemembered = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private volatile bool _ready;
    private (DateTimeOffset At, string What)? _writeFailure;
    private (DateTimeOffset At, string What)? _readFailure;
    private volatile string? _probeFailure;

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

    /// <summary>A read hit a storage fault. Only time clears it: another query succeeding says
    /// nothing about the pages this one could not read.</summary>
    public void ReadFailed(Exception error)
    {
        lock (_lock)
            _readFailure = (time.GetUtcNow(), StorageFaults.Describe(error));
    }

    /// <summary>The outcome of the timed read probe: null when it read, otherwise what failed.</summary>
    public void Probed(string? problem) => _probeFailure = problem;

    /// <summary>The latest write failure with no successful write since, or null.</summary>
    public string? WriteFailure => Recent(ref _writeFailure);

    /// <summary>The latest read failure of the last <see cref="FailureRemembered"/>, or null.</summary>
    public string? ReadFailure => Recent(ref _readFailure);

    /// <summary>What the last timed read probe could not read, or null.</summary>
    public string? ProbeFailure => _probeFailure;

    private string? Recent(ref (DateTimeOffset At, string What)? slot)
    {
        lock (_lock)
        {
            if (slot is not { } failure || time.GetUtcNow() - failure.At > FailureRemembered)
                return null;
            return $"{failure.What} (at {failure.At:yyyy-MM-dd HH:mm:ss} UTC)";
        }
    }
}
