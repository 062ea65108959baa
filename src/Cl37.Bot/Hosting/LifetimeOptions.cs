namespace Cl37.Bot.Hosting;

/// <summary>The <c>Hosting</c> settings section: how the process stops.</summary>
public sealed class LifetimeOptions
{
    public const string Section = "Hosting";

    /// <summary>Seconds the host waits on stop for in-flight answers to be stored, the gateway to close
    /// and the scheduler to finish. Keep it below the orchestrator's grace period (Kubernetes: 30 s).</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;
}
