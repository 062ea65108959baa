namespace Cl37.Bot.Calculators;

/// <summary>A HorizontalPodAutoscaler's current state: pods, the metric now and its target, and the replica bounds.</summary>
public sealed record HpaInput(long CurrentPods, decimal CurrentMetric, decimal TargetMetric, long? Min = null, long? Max = null);
