namespace Cl37.Bot.Calculators;

/// <summary>Total cold start time in seconds when the models start together and one after another.</summary>
public sealed record ColdStartTimes(decimal Parallel, decimal Sequential);
