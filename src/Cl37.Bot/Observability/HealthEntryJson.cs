namespace Cl37.Bot.Observability;

/// <summary>One check of a health report: its name, status and what is wrong when it fails.</summary>
public sealed record HealthEntryJson(string Name, string Status, string? Description, double DurationMs);
