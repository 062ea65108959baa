using Cl37.Bot.Hosting;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Creates and starts the Quartz scheduler once the start-up gate is open and the schedules
/// are loaded, and shuts it down with the host, letting running jobs finish. Quartz's own hosted
/// service builds the scheduler (job store, thread pool, about 100 methods to JIT) in StartAsync,
/// i.e. before the server listens, which held back the first ready answer.</summary>
internal sealed class SchedulerLifetime(ISchedulerFactory factory, StartupGate gate, ILogger<SchedulerLifetime> logger) : IHostedLifecycleService
{
    private readonly Lock _lock = new();
    private IScheduler? _scheduler;
    private bool _stopping;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Registered after ScheduleSync, so its triggers are in place before the scheduler runs; the
    // catch-up trigger then fires once everything else has started.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await gate.WaitAsync(cancellationToken);
            var scheduler = await factory.GetScheduler(cancellationToken);
            lock (_lock)
            {
                if (_stopping)
                    return;
                _scheduler = scheduler;
            }
            await scheduler.Start(cancellationToken);
            logger.LogDebug("Scheduler {Name} started", scheduler.SchedulerName);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting (SIGTERM right after the server came up): StopAsync shuts down what exists.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IScheduler? scheduler;
        lock (_lock)
        {
            _stopping = true;
            scheduler = _scheduler;
        }
        if (scheduler is not null)
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
