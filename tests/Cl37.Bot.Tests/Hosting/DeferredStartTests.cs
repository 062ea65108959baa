using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Quartz;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>Work the server does not need to answer starts once the application has started, with
/// nobody asking anything; a readiness probe changes nothing.</summary>
public sealed class DeferredStartTests
{
    [Fact]
    public async Task Start_NoProbe_LoadsTheSchedulesAndStartsTheScheduler()
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });
        _ = app.Server;

        await app.Get<ScheduleSync>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler();
        Assert.Equal(SchedulerStatus.Running, await scheduler.GetStatus());
        Assert.NotNull(await scheduler.GetTrigger(ScheduleTriggers.SweepKey));
    }

    [Fact]
    public async Task Ready_AnsweredRepeatedly_HasNoSideEffects()
    {
        await using var app = new QuizApp();
        var client = app.CreateClient();
        await app.Get<ScheduleSync>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());

        for (var i = 0; i < 3; i++)
            (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        Assert.Equal(SchedulerStatus.Running, await scheduler.GetStatus());
        Assert.Equal(triggers.Count, (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count);
    }
}
