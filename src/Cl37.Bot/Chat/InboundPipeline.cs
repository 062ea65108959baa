using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Diagnostics.Metrics;

namespace Cl37.Bot.Chat;

/// <summary>The one way in. Every platform hands its requests here: each runs in its own DI scope,
/// answers are held to <see cref="AnswerCodec"/>'s limits, work that outlasts a platform's deadline
/// is deferred, every request is measured, and a failure becomes a reply that says what happened —
/// never an exception at the adapter.</summary>
public sealed class InboundPipeline
{
    public const string MeterName = "Cl37.Bot.Chat";
    public const string Unexpected = "Something went wrong; nothing was changed. Please try again.";

    private readonly IServiceScopeFactory _scopes;
    private readonly IInboundFailureClassifier? _failures;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundPipeline> _logger;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failed;

    public InboundPipeline(IServiceScopeFactory scopes, IMeterFactory meters, TimeProvider time, ILogger<InboundPipeline> logger, IInboundFailureClassifier? failures = null)
    {
        _scopes = scopes;
        _failures = failures;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("cl37_inbound_duration", "s", "Inbound request received → reply ready, by platform and kind",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 3] });
        _failed = meter.CreateCounter<long>("cl37_inbound_failed", description: "Inbound requests that ended in an error reply, by platform, kind and cause");
    }

    /// <summary>Runs the request to its reply.</summary>
    public async Task<OutgoingMessage?> RunAsync(Inbound request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (request is AnswerAction answer)
            {
                var (values, problem) = AnswerCodec.Read(answer.Values);
                if (problem is not null)
                    return OutgoingMessage.PrivateText(problem);
                request = answer with { Values = values! };
            }
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IInboundHandler>().HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = _failures?.Classify(ex) ?? InboundFailure.Unexpected;
            _logger.LogError(ex, "{Kind} on {Platform} failed ({Failure})", Kind(request), request.Channel.Platform, failure);
            _failed.Add(1, Tag("platform", request.Channel.Platform), Tag("kind", Kind(request)), Tag("cause", failure.ToString()));
            return _failures?.Explain(request, failure) is { } worded
                ? worded with { NotSaved = request is AnswerAction || failure != InboundFailure.Unexpected }
                : Explain(request, failure);
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Tag("platform", request.Channel.Platform), Tag("kind", Kind(request)));
        }
    }

    /// <summary>Runs the request, but answers by <paramref name="deferAfter"/> whatever happens:
    /// a reply that is ready by then is <see cref="InboundOutcome.Reply"/>, otherwise the outcome
    /// carries the work still running so the platform can acknowledge now and deliver it later.</summary>
    public async Task<InboundOutcome> RunAsync(Inbound request, TimeSpan deferAfter, CancellationToken cancellationToken)
    {
        // On the thread pool, so the deadline runs whatever the handler does before its first await.
        var work = Task.Run(() => RunAsync(request, CancellationToken.None), CancellationToken.None);
        try
        {
            return new InboundOutcome(await work.WaitAsync(deferAfter, _time, cancellationToken), null);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return new InboundOutcome(null, work);
        }
    }

    /// <summary>The reply to a request that failed, worded for what the person was doing.</summary>
    public static OutgoingMessage Explain(Inbound request, InboundFailure failure)
    {
        var text = (request, failure) switch
        {
            (AnswerAction, InboundFailure.Busy) => "Your answer was **not saved** because the bot is busy. Please try again in a moment.",
            (AnswerAction, InboundFailure.NotSaved or InboundFailure.NotRead) => "Your answer was **not saved**: the bot could not write to its database. Please try again in a moment.",
            (AnswerAction, _) => "Your answer was **not saved** because something went wrong. Please try again.",
            (_, InboundFailure.Busy) => "The bot is busy storing other work. Nothing was changed — please try again in a moment.",
            (_, InboundFailure.NotSaved) => "Not saved: the bot could not write to its database, so nothing was changed. Please try again in a moment.",
            (ChatCommand or TypedCommand, _) => "Something went wrong running that command; nothing was changed. Please try again.",
            _ => Unexpected,
        };
        return OutgoingMessage.PrivateText(text) with { NotSaved = request is AnswerAction || failure != InboundFailure.Unexpected };
    }

    private static string Kind(Inbound request) => request switch
    {
        AnswerAction => "answer",
        PostView => "view",
        _ => "command",
    };

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}

/// <summary>A reply ready in time, or the work that will produce it.</summary>
public sealed record InboundOutcome(OutgoingMessage? Reply, Task<OutgoingMessage?>? Later);

public static class InboundPipelineRegistration
{
    /// <summary>Registers the pipeline once, whichever platforms are on; the handler behind it is the app's.</summary>
    public static IServiceCollection AddInboundPipeline(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<InboundPipeline>();
        return services;
    }
}
