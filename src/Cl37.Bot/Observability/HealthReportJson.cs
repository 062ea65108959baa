namespace Cl37.Bot.Observability;

/// <summary>The body of /health/live and /health/ready.</summary>
public sealed record HealthReportJson(string Status, double DurationMs, IReadOnlyList<HealthEntryJson> Checks);
