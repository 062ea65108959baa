using Cl37.Bot.Quiz;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;

namespace Cl37.Bot.Observability;

/// <summary>Health checks, Prometheus metrics and redacted structured logs.</summary>
public static class ObservabilityHostingExtensions
{
    /// <summary>Every feature meter is named Cl37.Bot.&lt;Feature&gt; (Cl37.Bot.Quiz, Cl37.Bot.Discord, Cl37.Bot.Teams …).</summary>
    public const string MeterPattern = "Cl37.Bot.*";

    /// <summary>Every metric here has a few label values (platform, kind, cause, route template,
    /// status), so a few dozen series each. The SDK reserves room for 2,000 series per metric up front
    /// (about 7 MB over the ~50 metrics); series past this limit are counted under an overflow label.</summary>
    internal const int MaxSeriesPerMetric = 200;

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogOutputOptions>()
            .Bind(builder.Configuration.GetSection(LogOutputOptions.Section))
            .Validate(o => o.Format is LogOutputOptions.Plain or LogOutputOptions.Json, "Logging:Format must be Plain or Json.")
            .ValidateOnStart();
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        builder.Services.AddSingleton<HealthAccess>();
        builder.Services.AddSingleton<SecretRedactor>();
        // Console only: the other default providers (Debug, EventSource) would bypass the redaction.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = RedactingConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>();

        // One instance, so a storage problem is logged once when it appears, not at every probe.
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<DeckHealthCheck>(DeckHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(QuizMetrics.MeterName, MeterPattern)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxSeriesPerMetric })
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(RestrictMetricsAsync), optionsName: null);
        return app;
    }

    private static async Task RestrictMetricsAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<HealthAccess>();
        if (access.RestrictMetrics && !access.SeesDetails(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The metrics are served on this machine only, or with Authorization: Bearer <Health:DetailsKey>.", context.RequestAborted);
            return;
        }
        await next(context);
    }
}
