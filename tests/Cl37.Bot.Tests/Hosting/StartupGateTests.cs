using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cl37.Bot.Hosting;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>Loading the schedules (then building and starting Quartz, and the EF Core warm-up) waits until the first
/// healthy /health/ready answer has gone out, or until Hosting:DeferredStartSeconds have passed.</summary>
public sealed class StartupGateTests
{
    [Fact]
    public async Task Gate_opens_when_told_and_not_before()
    {
        using var gate = new StartupGate(Options.Create(new LifetimeOptions { DeferredStartSeconds = 60 }));
        var waiting = gate.WaitAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        gate.Open();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(gate.IsOpen);
    }

    [Fact]
    public async Task Gate_opens_by_itself_after_the_fallback_and_at_once_when_it_is_zero()
    {
        using var zero = new StartupGate(Options.Create(new LifetimeOptions { DeferredStartSeconds = 0 }));
        Assert.True(zero.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);

        using var gate = new StartupGate(Options.Create(new LifetimeOptions { DeferredStartSeconds = 1 }));
        var watch = Stopwatch.StartNew();
        await gate.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        // A second waiter does not restart the clock.
        Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_stop_while_waiting_cancels_the_wait()
    {
        using var gate = new StartupGate(Options.Create(new LifetimeOptions { DeferredStartSeconds = 60 }));
        using var stop = new CancellationTokenSource();
        var waiting = gate.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Schedules_load_once_the_first_healthy_ready_answer_has_gone_out()
    {
        var port = FreePort();
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Hosting:DeferredStartSeconds"] = "60",
            ["Scheduling:Enabled"] = "true",
        });
        app.UseKestrel(port);
        // The host's start completes only after the schedules loaded, so it runs beside the probes.
        var start = Task.Run(app.StartKestrel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await Scheduling.Eventually.TrueAsync(async () => await LiveAsync(http), "the server to answer /health/live");
        await Task.Delay(300);
        // Only the schedule load (waiting on the gate) holds the host's start back.
        Assert.False(start.IsCompleted, "the host finished starting before anyone asked /health/ready");

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await start.WaitAsync(TimeSpan.FromSeconds(20));
        var scheduler = Assert.Single(await app.Services.GetRequiredService<ISchedulerFactory>().GetAllSchedulers());
        Assert.Equal(SchedulerStatus.Running, await scheduler.GetStatus());
        Assert.NotNull(await scheduler.GetTrigger(ScheduleTriggers.SweepKey));
    }

    [Fact]
    public async Task Without_a_readiness_probe_the_schedules_load_after_the_fallback()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Hosting:DeferredStartSeconds"] = "3",
            ["Scheduling:Enabled"] = "true",
        }, kestrel: true);
        var watch = Stopwatch.StartNew();
        await Task.Run(app.StartKestrel).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(2900), $"started after {watch.Elapsed.TotalMilliseconds:0} ms, before the 3 s fallback");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetTrigger(ScheduleTriggers.SweepKey));
    }

    private static async Task<bool> LiveAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/live");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
