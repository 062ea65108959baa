namespace Cl37.Bot.Benchmarks;

/// <summary>One line of the results table.</summary>
internal sealed record Figure(string Name, string Baseline, string Result, string Ratio, string Target, bool? Met, string Notes = "");
