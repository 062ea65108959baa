namespace Cl37.Bot.Data;

/// <summary>The <c>Database</c> settings section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Sqlite (default, one replica) or Postgres (several replicas).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The connection string; for SQLite the default keeps the file in data/.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/cl37bot.db";

    /// <summary>SQLite: start with a new, empty database where the marker beside the file shows one
    /// was kept before and the file is gone. Off, the bot refuses to start instead, so a lost volume
    /// or a wrong path is not served as an empty quiz.</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>SQLite: readiness fails while the disk holding the database has less free space
    /// than this, in MiB, because every answer would then fail to save. 0 turns the check off.</summary>
    public int MinFreeMegabytes { get; set; } = 16;
}
