using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Once the application has started, loads the stored schedules and then creates and starts
/// the Quartz scheduler; shuts it down with the host, letting running jobs finish. Quartz's own hosted
/// service would build the scheduler before the server listens; nothing served needs it that early.</summary>
internal sealed class SchedulerLifetime(
    SchedulerCreation factory,
    ScheduleSync sync,
    IHostApplicationLifetime lifetime,
    ILogger<SchedulerLifetime> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private Task _starting = Task.CompletedTask;
    private IScheduler? _scheduler;
    private bool _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            lock (_lock)
            {
                if (!_stopping)
                    _starting = sync.LoadAsync(StartSchedulerAsync, lifetime.ApplicationStopping);
            }
        });
        return Task.CompletedTask;
    }

    private async Task StartSchedulerAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetSchedulerAsync(cancellationToken);
        lock (_lock)
        {
            if (_stopping)
                return;
            _scheduler = scheduler;
        }
        await scheduler.Start(cancellationToken);
        logger.LogDebug("Scheduler {Name} started", scheduler.SchedulerName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task starting;
        lock (_lock)
        {
            _stopping = true;
            starting = _starting;
        }
        // The start watches ApplicationStopping, which is already signalled here; it ends (or gives up) quickly.
        await starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        IScheduler? scheduler;
        lock (_lock)
            scheduler = _scheduler;
        if (scheduler is not null)
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
