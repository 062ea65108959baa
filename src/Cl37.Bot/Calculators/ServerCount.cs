namespace Cl37.Bot.Calculators;

/// <summary>Servers needed: the bare minimum and, when a safety factor was given, the count with it.</summary>
public sealed record ServerCount(long Minimum, long? WithBuffer);
