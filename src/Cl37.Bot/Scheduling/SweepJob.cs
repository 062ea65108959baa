using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Every <see cref="SchedulingOptions.SweepSeconds"/> and once at start: posts what is owed
/// and was missed (the bot was down at posting time, an attempt failed), then resends claimed but
/// unsent posts, reveals closed questions and ends due competitions. One run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(DailyQuestionRunner runner) : IJob
{
    public static readonly JobKey Key = new("sweep", ScheduleTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await runner.CatchUpAsync(cancellationToken);
        await runner.SweepAsync(cancellationToken);
    }
}
