using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Observability;

/// <summary>/health/live (the process serves HTTP) and /health/ready (every check tagged
/// <see cref="ReadyTag"/>: database, deck, each enabled platform). The status code and status are
/// for everyone; which checks ran and what they found only for callers <c>HealthAccess</c> admits.</summary>
public static class HealthEndpoints
{
    /// <summary>Platforms tag their connection check with this so it joins /health/ready.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = IsReadyCheck, ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>The checks /health/ready runs.</summary>
    public static bool IsReadyCheck(HealthCheckRegistration check) => check.Tags.Contains(ReadyTag);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var json = context.RequestServices.GetRequiredService<HealthAccess>().SeesDetails(context)
            ? new HealthReportJson(report.Status.ToString(), Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                [.. report.Entries.Select(e => new HealthEntryJson(e.Key, e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)))])
            : new HealthReportJson(report.Status.ToString(), null, null);
        return JsonSerializer.SerializeAsync(context.Response.Body, json, HealthJsonContext.Default.HealthReportJson, context.RequestAborted);
    }
}
