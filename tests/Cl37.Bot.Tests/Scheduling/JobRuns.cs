using System.Collections.Concurrent;
using Quartz;
using Quartz.Extensibility;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Records each finished job run (job, trigger, scheduled fire time), so a test knows a run
/// is over before it asserts that it did nothing.</summary>
internal sealed class JobRuns : IJobListener
{
    private readonly ConcurrentQueue<(JobKey Job, TriggerKey Trigger, DateTimeOffset? Scheduled)> _done = new();

    public string Name { get; } = "test-job-runs-" + Guid.NewGuid().ToString("N");

    public static async Task<JobRuns> AttachAsync(IScheduler scheduler)
    {
        var runs = new JobRuns();
        scheduler.ListenerManager.AddJobListener(runs, [Matchers.AllJobs()]);
        return runs;
    }

    public bool Finished(TriggerKey trigger, DateTimeOffset scheduled) =>
        _done.Any(d => d.Trigger.Equals(trigger) && d.Scheduled == scheduled);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => default;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => default;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        _done.Enqueue((context.JobDetail.Key, context.Trigger.Key, context.ScheduledFireTimeUtc));
        return default;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) => default;
}
