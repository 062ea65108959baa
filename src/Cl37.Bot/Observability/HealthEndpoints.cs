using System.Text.Json;
using Cl37.Bot.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Observability;

/// <summary>/health/live (the process serves HTTP) and /health/ready (every check tagged
/// <see cref="ReadyTag"/>: database, deck, each enabled platform).</summary>
public static class HealthEndpoints
{
    /// <summary>Platforms tag their connection check with this so it joins /health/ready.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = IsReadyCheck, ResponseWriter = WriteReadyAsync });
        return app;
    }

    /// <summary>The checks /health/ready runs.</summary>
    public static bool IsReadyCheck(HealthCheckRegistration check) => check.Tags.Contains(ReadyTag);

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        // Deferred start-up work begins once the answer has gone out, so it does not slow it down.
        if (report.Status != HealthStatus.Unhealthy && context.RequestServices.GetService<StartupGate>() is { IsOpen: false } gate)
        {
            context.Response.OnCompleted(() =>
            {
                gate.Open();
                return Task.CompletedTask;
            });
        }
        return WriteAsync(context, report);
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return WriteReportAsync(context.Response.Body, report, context.RequestAborted);
    }

    internal static Task WriteReportAsync(Stream body, HealthReport report, CancellationToken cancellationToken)
    {
        var json = new HealthReportJson(report.Status.ToString(), Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            [.. report.Entries.Select(e => new HealthEntryJson(e.Key, e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)))]);
        return JsonSerializer.SerializeAsync(body, json, HealthJsonContext.Default.HealthReportJson, cancellationToken);
    }
}
