using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Observability;
using Cl37.Bot.Posts;
using Cl37.Bot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Cl37.Bot.Hosting;

/// <summary>Start-up work moved off the main thread onto the second core, which was otherwise idle for
/// most of a start (issue #8). Before the host builder exists: Quartz's registration and the
/// OpenTelemetry SDK are compiled on throwaway objects. Once the container is built, one lane builds
/// the meter provider (the main thread needs it when it maps /metrics), begins the migration check,
/// builds the costliest singletons and the hosted services; once the endpoints are mapped, it runs the
/// code the first /health/ready request needs: the endpoints are built, a throwaway routing pipeline
/// matches /health/ready (compiling the route matcher), and the health check service runs the deck
/// check and writes its report to nowhere. Nothing is sent or stored; the database check is left out
/// so an unmigrated database logs no failure. The one trace it leaves is one match counted for
/// /health/ready in aspnetcore_routing_match_attempts_total: the routing middleware counts every
/// match it makes and offers no way to opt out.</summary>
public sealed class StartupPrewarm
{
    private static readonly Type[] Costly = [typeof(IDbContextFactory<BotDbContext>), typeof(DeckLibrary), typeof(ChatPlatforms)];

    // ASP.NET Core's key for the app's own endpoint route builder; WebApplication.New() leaves it out.
    private const string GlobalRoutesKey = "__GlobalEndpointRouteBuilder";

    private readonly TaskCompletionSource _mapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<string?> _completion = Task.FromResult<string?>(null);

    /// <summary>The display name of the endpoint the warm-up matched for /health/ready; null when the
    /// warm-up failed (the start-up path then meets and reports the same failure itself).</summary>
    public Task<string?> Completion => _completion;

    /// <summary>Before the host builder exists the second core is idle for ~60 ms: Quartz's registration
    /// and the OpenTelemetry SDK are compiled there on throwaway objects (see each method).</summary>
    public static void BeforeBuilder() => OnSpareThread(() =>
    {
        foreach (var warm in new Action[] { SchedulingHostingExtensions.WarmRegistration, ObservabilityHostingExtensions.WarmMetrics })
        {
            try
            {
                warm();
            }
            catch (Exception)
            {
                // Only a warm-up: the real registration or provider reports its own failure.
            }
        }
    });

    /// <summary>Runs start-up side work on a thread of its own: on 2 cores the thread pool starts with two
    /// threads, and warm-ups queued there held back the work the start-up path waits for.</summary>
    public static Task<T> OnSpareThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <inheritdoc cref="OnSpareThread{T}(Func{T})"/>
    public static void OnSpareThread(Action work) =>
        _ = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Begin(WebApplication app) => _completion = Task.Run(() => RunAsync(app));

    /// <summary>Called once every endpoint is mapped.</summary>
    public void EndpointsMapped() => _mapped.TrySetResult();

    private async Task<string?> RunAsync(WebApplication app)
    {
        var services = app.Services;
        try
        {
            // The main thread needs the meter provider first (mapping /metrics), then the migration
            // check and the hosted services (the host's start).
            services.GetService<MeterProvider>();
            _ = services.GetService<DatabaseMigrator>()?.BeginAsync();
            foreach (var type in Costly)
                services.GetService(type);
            _ = services.GetServices<IHostedService>();
            await _mapped.Task;

            var routing = ((IApplicationBuilder)app).New();
            routing.Properties[GlobalRoutesKey] = app;
            routing.UseRouting();
            routing.Run(_ => Task.CompletedTask);
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/health/ready";
            await routing.Build()(context);

            var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == DeckHealthCheck.Name);
            await HealthEndpoints.WriteReportAsync(Stream.Null, report, CancellationToken.None);
            return context.GetEndpoint()?.DisplayName;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
