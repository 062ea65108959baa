namespace Cl37.Bot.Calculators;

/// <summary>Servers needed: the bare minimum and the count with the safety buffer.</summary>
public sealed record ServerCount(long Minimum, long WithBuffer);
