using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Keeps Quartz's triggers equal to the stored schedules: loads every enabled schedule once
/// the application has started (<see cref="SchedulerLifetime"/>), then follows
/// <see cref="ScheduleChanges.Changed"/> so edits apply without a restart.</summary>
public sealed class ScheduleSync(
    SchedulerCreation schedulers,
    ScheduleChanges scheduleChanges,
    IDbContextFactory<BotDbContext> factory,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduleSync> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private Task _pending = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads the stored schedules into Quartz, then runs <paramref name="then"/> (the scheduler's
    /// start). Schedule changes made meanwhile apply after both, in order, and
    /// <see cref="WhenIdleAsync"/> waits for them all.</summary>
    internal Task LoadAsync(Func<CancellationToken, Task> then, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Following changes from before the rows are read, so none falls between the read and the subscription.
            if (options.Value.Enabled)
                scheduleChanges.Changed += OnChanged;
            return _pending = LoadThenAsync(then, cancellationToken);
        }
    }

    private async Task LoadThenAsync(Func<CancellationToken, Task> then, CancellationToken cancellationToken)
    {
        // Off the thread that raises ApplicationStarted: its callbacks run one after another.
        await Task.Yield();
        try
        {
            if (options.Value.Enabled)
                await LoadTriggersAsync(cancellationToken);
            await then(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting (SIGTERM right after the server came up): nothing more to start.
        }
        catch (Exception ex)
        {
            // Without the scheduler no daily question would ever be posted, though the app looked healthy.
            logger.LogCritical(ex, "Loading the schedules or starting the scheduler failed; stopping");
            lifetime.StopApplication();
        }
    }

    private async Task LoadTriggersAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetSchedulerAsync(cancellationToken);
        List<QuizSchedule> rows;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            rows = await db.Schedules.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        }
        // A persistent store may still hold triggers of schedules switched off while this node was down.
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(ScheduleTriggers.DailyGroup), cancellationToken);
        foreach (var row in rows)
        {
            foreach (var trigger in ScheduleTriggers.Daily(row.ChannelId, DailySchedule.From(row), time))
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        }
        await scheduler.ScheduleTrigger(ScheduleTriggers.Sweep(options.Value.SweepSeconds, time), TriggerConflict.Replace, cancellationToken);
        // Fires as soon as the scheduler runs, i.e. after the app (and its platforms) started.
        await scheduler.ScheduleTrigger(ScheduleTriggers.CatchUp(time), TriggerConflict.Replace, cancellationToken);
        logger.LogInformation("Scheduled {Count} daily question(s)", rows.Count);
    }

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

    /// <summary>Makes the channel's triggers match its stored schedule: one per time of day, or none.</summary>
    public async Task ApplyAsync(long channelId, CancellationToken cancellationToken)
    {
        QuizSchedule? row;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        }
        var scheduler = await schedulers.GetSchedulerAsync(cancellationToken);
        if (row is null || !row.Enabled)
        {
            await scheduler.UnscheduleJobs(ScheduleTriggers.AllDailyKeys(channelId), cancellationToken);
            logger.LogInformation("Daily question of channel {ChannelId} unscheduled", channelId);
            return;
        }
        var triggers = ScheduleTriggers.Daily(channelId, DailySchedule.From(row), time);
        // Times the schedule no longer has keep no trigger.
        await scheduler.UnscheduleJobs(ScheduleTriggers.AllDailyKeys(channelId).Skip(triggers.Count).ToList(), cancellationToken);
        DateTimeOffset? next = null;
        foreach (var trigger in triggers)
        {
            var (at, _) = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
            next = next is null || at < next ? at : next;
        }
        logger.LogInformation("Daily question of channel {ChannelId} scheduled {Count} time(s) a day; next at {Next:u}", channelId, triggers.Count, next);
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
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
