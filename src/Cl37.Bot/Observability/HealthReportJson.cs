namespace Cl37.Bot.Observability;

/// <summary>The body of /health/live and /health/ready; callers who may not see the details get the status alone.</summary>
public sealed record HealthReportJson(string Status, double? DurationMs, IReadOnlyList<HealthEntryJson>? Checks);
