using System.Net;
using Cl37.Bot.Content;
using Cl37.Bot.Hosting;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Scheduling;
using Quartz;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>The scheduler waits for the app's first healthy /health/ready (issue #8: it would
/// otherwise compete with start-up for the CPU), and an unhealthy answer does not release it.</summary>
public sealed class BackgroundStartTests
{
    private static readonly Dictionary<string, string?> Waiting = new()
    {
        ["Hosting:BackgroundStartSeconds"] = "300",
        ["Scheduling:Enabled"] = "true",
    };

    [Fact]
    public async Task Scheduler_BeforeAndAfterTheFirstReadyAnswer_StartsOnlyAfterIt()
    {
        await using var app = new QuizApp(settings: Waiting);
        var client = app.CreateClient();

        Assert.False(app.Get<BackgroundStart>().IsOpen);
        Assert.DoesNotContain(await app.Get<ISchedulerFactory>().GetAllSchedulers(), s => s.Status == SchedulerStatus.Running);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await Eventually.TrueAsync(async () => (await app.Get<ISchedulerFactory>().GetScheduler()).Status == SchedulerStatus.Running, "the scheduler to start");
        Assert.NotNull(await (await app.Get<ISchedulerFactory>().GetScheduler()).GetTrigger(ScheduleTriggers.SweepKey));
    }

    [Fact]
    public async Task Scheduler_ReadyAnswersUnhealthy_StaysStopped()
    {
        await using var app = new QuizApp(new DeckLibrary([], [new DeckError("content/k8s.md", 12, "option E has no text")]), Waiting);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        await Task.Delay(200);

        Assert.False(app.Get<BackgroundStart>().IsOpen);
        Assert.DoesNotContain(await app.Get<ISchedulerFactory>().GetAllSchedulers(), s => s.Status == SchedulerStatus.Running);
    }
}
