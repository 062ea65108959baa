using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Runs once when the scheduler starts: posts what is owed today (the bot was down at
/// posting time), then sweeps (resends claimed but unsent posts, reveals what closed meanwhile).</summary>
[DisallowConcurrentExecution]
public sealed class CatchUpJob(DailyQuestionRunner runner) : IJob
{
    public static readonly JobKey Key = new("catch-up", ScheduleTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await runner.CatchUpAsync(cancellationToken);
        await runner.SweepAsync(cancellationToken);
    }
}
