namespace Cl37.Bot.Calculators;

/// <summary>Layer sizes of a dense network, input layer first.</summary>
public sealed record WeightsInput(IReadOnlyList<long> Layers, bool Biases = false);
