namespace Cl37.Bot.Calculators;

/// <summary>The three layers of a model-serving image.</summary>
public sealed record DockerInput(DataSize Base, DataSize Model, DataSize Deps);
