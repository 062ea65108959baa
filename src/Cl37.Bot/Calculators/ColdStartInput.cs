namespace Cl37.Bot.Calculators;

/// <summary>Cold start times in seconds: one time shared by <paramref name="Models"/> models, or one time per model.</summary>
public sealed record ColdStartInput(IReadOnlyList<decimal> Times, int Models = 1);
