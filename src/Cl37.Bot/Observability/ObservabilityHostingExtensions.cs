using System.Diagnostics.Metrics;
using Cl37.Bot.Quiz;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Cl37.Bot.Observability;

/// <summary>Health checks, Prometheus metrics and redacted structured logs.</summary>
public static class ObservabilityHostingExtensions
{
    /// <summary>Every feature meter is named Cl37.Bot.&lt;Feature&gt; (Cl37.Bot.Quiz, Cl37.Bot.Discord, Cl37.Bot.Teams …).</summary>
    public const string MeterPattern = "Cl37.Bot.*";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogOutputOptions>()
            .Bind(builder.Configuration.GetSection(LogOutputOptions.Section))
            .Validate(o => o.Format is LogOutputOptions.Plain or LogOutputOptions.Json, "Logging:Format must be Plain or Json.")
            .ValidateOnStart();
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
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Building the app's meter provider took ~50 ms of JIT on the start-up path (issue #8). A
    /// throwaway provider over a private meter, built by the start-up prewarm on the idle core before the
    /// host exists, compiles the same SDK and exporter code first. Its meter matches none of the app's
    /// meter names, and both are disposed before the app's provider exists, so nothing of it is exported.</summary>
    internal static void WarmMetrics()
    {
        using var meter = new Meter("StartupWarmup");
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name).AddPrometheusExporter().Build();
        meter.CreateCounter<long>("warmup_total").Add(1, new KeyValuePair<string, object?>("kind", "warmup"));
        meter.CreateHistogram<double>("warmup_seconds").Record(0.5);
        meter.CreateObservableGauge("warmup_state", () => 1);
        provider.ForceFlush(1000);
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
