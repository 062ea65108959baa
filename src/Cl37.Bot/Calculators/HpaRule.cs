namespace Cl37.Bot.Calculators;

/// <summary>Which part of the Kubernetes rule decided the replica count.</summary>
public enum HpaRule
{
    /// <summary>The ratio was within the 10% tolerance: no change.</summary>
    Tolerance,

    /// <summary>ceil(current pods × current metric / target metric).</summary>
    Formula,

    /// <summary>The result was raised to minReplicas.</summary>
    ClampedToMin,

    /// <summary>The result was lowered to maxReplicas.</summary>
    ClampedToMax,
}
