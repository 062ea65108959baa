using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>When start-up work that readiness does not need may begin: loading the schedules, then
/// building and starting the Quartz scheduler, and the EF Core warm-up. On a 2-core machine their JIT
/// and query compilation took the CPU the first /health/ready answer needed, so they wait until that
/// answer has gone out healthy, or <see cref="LifetimeOptions.DeferredStartSeconds"/> after the server
/// came up when nobody probes.</summary>
public sealed class StartupGate(IOptions<LifetimeOptions> options) : IDisposable
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private Timer? _fallback;

    public bool IsOpen => _open.Task.IsCompleted;

    /// <summary>Called once a healthy readiness answer has been sent.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>Completes once the gate is open. The first call (when the server has come up) starts
    /// the fallback clock.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var fallback = TimeSpan.FromSeconds(options.Value.DeferredStartSeconds);
        if (fallback <= TimeSpan.Zero)
            Open();
        lock (_lock)
        {
            // Wall-clock time on purpose, not the app's TimeProvider: a paused test clock must not
            // hold the scheduler back forever.
            if (!IsOpen)
                _fallback ??= new Timer(_ => Open(), null, fallback, Timeout.InfiniteTimeSpan);
        }
        return _open.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Every feature whose start-up work waits on the gate registers it (once).</summary>
    public static void Register(IServiceCollection services) => services.TryAddSingleton<StartupGate>();

    public void Dispose()
    {
        lock (_lock)
            _fallback?.Dispose();
    }
}
