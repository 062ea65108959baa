using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>When work that readiness does not need may begin: the Quartz scheduler with the stored
/// schedules, and warming EF Core for the first answer. They wait until /health/ready has first
/// answered healthy, so on a small machine their JIT and query compilation do not compete for the
/// CPU with the start-up that readiness waits for (issue #8). A process nobody probes starts them
/// <see cref="LifetimeOptions.BackgroundStartSeconds"/> after the server came up.</summary>
public sealed class BackgroundStart(IHostApplicationLifetime lifetime, IOptions<LifetimeOptions> options, TimeProvider time) : IHostedService, IDisposable
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _started;
    private ITimer? _fallback;

    public bool IsOpen => _open.Task.IsCompleted;

    /// <summary>Completes once background work may start.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

    /// <summary>Called when the app has reported ready.</summary>
    public void Open() => _open.TrySetResult();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() =>
        {
            var delay = TimeSpan.FromSeconds(options.Value.BackgroundStartSeconds);
            if (delay <= TimeSpan.Zero)
                Open();
            else
                _fallback = time.CreateTimer(_ => Open(), null, delay, Timeout.InfiniteTimeSpan);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Registers the gate once; every feature whose work waits on it calls this.</summary>
    public static void Register(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackgroundStart>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundStart>());
    }

    public void Dispose()
    {
        _started.Dispose();
        _fallback?.Dispose();
    }
}
