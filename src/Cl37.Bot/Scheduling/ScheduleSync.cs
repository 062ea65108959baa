using Cl37.Bot.Data;
using Cl37.Bot.Hosting;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Keeps Quartz's triggers equal to the stored schedules: loads every enabled schedule at
/// start, then follows <see cref="ScheduleChanges.Changed"/> so edits apply without a restart.</summary>
public sealed class ScheduleSync(
    ISchedulerFactory schedulers,
    ScheduleChanges scheduleChanges,
    IDbContextFactory<BotDbContext> factory,
    IOptions<SchedulingOptions> options,
    StartupGate gate,
    TimeProvider time,
    ILogger<ScheduleSync> logger) : IHostedLifecycleService
{
    private readonly Lock _lock = new();
    private Task _pending = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Loading schedules runs once the server listens and has answered ready (the gate), so it does
    // not delay readiness; the host's start still completes only after it, and the scheduler
    // (SchedulerLifetime, registered after this) is built and started only then.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            return;
        try
        {
            await gate.WaitAsync(cancellationToken);
            await LoadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting (SIGTERM right after the server came up): nothing to load.
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        List<QuizSchedule> rows;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            rows = await db.Schedules.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        }
        // A persistent store may still hold triggers of schedules switched off while this node was down.
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(ScheduleTriggers.DailyGroup), cancellationToken);
        foreach (var row in rows)
            await scheduler.ScheduleTrigger(ScheduleTriggers.Daily(row.ChannelId, DailySchedule.From(row), time), TriggerConflict.Replace, cancellationToken);
        await scheduler.ScheduleTrigger(ScheduleTriggers.Sweep(options.Value.SweepSeconds, time), TriggerConflict.Replace, cancellationToken);
        // Fires as soon as the scheduler runs, i.e. after the app (and its platforms) started.
        await scheduler.ScheduleTrigger(ScheduleTriggers.CatchUp(time), TriggerConflict.Replace, cancellationToken);
        scheduleChanges.Changed += OnChanged;
        logger.LogInformation("Scheduled {Count} daily question(s)", rows.Count);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        scheduleChanges.Changed -= OnChanged;
        await WhenIdleAsync();
    }

    /// <summary>Completes when every schedule change seen so far has reached Quartz.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
            return _pending;
    }

    /// <summary>Makes the channel's trigger match its stored schedule: (re)scheduled, or removed.</summary>
    public async Task ApplyAsync(long channelId, CancellationToken cancellationToken)
    {
        QuizSchedule? row;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        }
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (row is null || !row.Enabled)
        {
            await scheduler.UnscheduleJob(ScheduleTriggers.DailyKey(channelId), cancellationToken);
            logger.LogInformation("Daily question of channel {ChannelId} unscheduled", channelId);
            return;
        }
        var (next, _) = await scheduler.ScheduleTrigger(ScheduleTriggers.Daily(channelId, DailySchedule.From(row), time), TriggerConflict.Replace, cancellationToken);
        logger.LogInformation("Daily question of channel {ChannelId} scheduled; next at {Next:u}", channelId, next);
    }

    // The event is synchronous (raised inside a command); the Quartz update runs after it, one change
    // at a time and in order, and each reads the row as stored then, so the last edit wins.
    private void OnChanged(long channelId)
    {
        lock (_lock)
            _pending = ApplyAfterAsync(_pending, channelId);
    }

    private async Task ApplyAfterAsync(Task previous, long channelId)
    {
        await previous;
        try
        {
            await ApplyAsync(channelId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Updating the trigger of channel {ChannelId} failed; the schedule applies after the next restart", channelId);
        }
    }
}
