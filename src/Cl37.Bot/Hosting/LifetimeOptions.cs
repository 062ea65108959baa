namespace Cl37.Bot.Hosting;

/// <summary>The <c>Hosting</c> settings section: how the process starts its deferred work and stops.</summary>
public sealed class LifetimeOptions
{
    public const string Section = "Hosting";

    /// <summary>Seconds the host waits on stop for in-flight answers to be stored, the gateway to close
    /// and the scheduler to finish. Keep it below the orchestrator's grace period (Kubernetes: 30 s).</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;

    /// <summary>Seconds after the server came up at which the schedules load (then Quartz is built and
    /// started, and the EF Core warm-up runs) if /health/ready has not answered healthy before; 0 starts
    /// them at once.</summary>
    public int DeferredStartSeconds { get; set; } = 2;
}
