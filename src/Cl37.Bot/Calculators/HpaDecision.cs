namespace Cl37.Bot.Calculators;

/// <summary>The desired replica count and the rule that decided it.</summary>
public sealed record HpaDecision(long Desired, HpaRule Rule, decimal Ratio);
