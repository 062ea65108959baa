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
}
