using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Reveals, competition ends and unsent posts, every <see cref="SchedulingOptions.SweepSeconds"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(DailyQuestionRunner runner) : IJob
{
    public static readonly JobKey Key = new("sweep", ScheduleTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.SweepAsync(cancellationToken);
}
