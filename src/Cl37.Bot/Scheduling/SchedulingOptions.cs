namespace Cl37.Bot.Scheduling;

/// <summary>The <c>Scheduling</c> settings section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Whether daily questions, reveals and competition ends run at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between sweeps that reveal closed questions, end competitions and resend
    /// unsent posts; must divide 60 so sweeps fall on whole minutes.</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How late (seconds) a trigger may fire before Quartz treats it as misfired.</summary>
    public int MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>Keep Quartz's job store in PostgreSQL, clustered, so several replicas share the
    /// schedule and each firing runs on one node. Off (in-memory store) on SQLite, which Quartz
    /// refuses to cluster.</summary>
    public bool Clustered { get; set; }

    /// <summary>PostgreSQL connection string of the clustered job store; defaults to
    /// <c>Database:ConnectionString</c> when <c>Database:Provider</c> is Postgres.</summary>
    public string? ConnectionString { get; set; }
}
