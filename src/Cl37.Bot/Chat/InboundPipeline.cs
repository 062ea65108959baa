using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Chat;

/// <summary>The one way in. Every platform hands its requests here: answers are held to
/// <see cref="AnswerCodec"/>'s limits, work that outlasts the platform's deadline
/// (<see cref="InboundOptions"/>) is deferred, every request is measured, and a failure becomes a
/// reply that says what happened (worded by <see cref="IChatWording"/>) — never an exception at the adapter.</summary>
/// <remarks>No DI scope per request: the handler and the services behind it are singletons, and
/// each unit of work opens its own <c>DbContext</c> (an answer is stored in one transaction by
/// <c>AnswerWriter</c>), so a scope here would hold nothing.</remarks>
public sealed class InboundPipeline
{
    public const string MeterName = "Cl37.Bot.Chat";

    private readonly Lazy<IInboundHandler> _handler;
    private readonly IInboundFailureClassifier? _failures;
    private readonly IChatWording _wording;
    private readonly InboundOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundPipeline> _logger;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failed;

    public InboundPipeline(IServiceProvider services, IOptions<InboundOptions> options, IMeterFactory meters, TimeProvider time, ILogger<InboundPipeline> logger, IChatWording wording, IInboundFailureClassifier? failures = null)
    {
        _wording = wording;
        // Resolved at the first request, so an adapter that starts with the host does not build
        // every command and quiz service before anyone has asked for one.
        _handler = new Lazy<IInboundHandler>(services.GetRequiredService<IInboundHandler>);
        _options = options.Value;
        _failures = failures;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("cl37_inbound_duration", "s", "Inbound request received → reply ready, by platform and kind",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 3] });
        _failed = meter.CreateCounter<long>("cl37_inbound_failed", description: "Inbound requests that ended in an error reply, by platform, kind and cause");
    }

    /// <summary>Runs the request to its reply. On a platform with a deadline the outcome is ready by
    /// then whatever happens: a reply that is ready in time is <see cref="InboundOutcome.Reply"/>,
    /// otherwise the outcome carries the work still running, so the platform can acknowledge now
    /// and deliver it later.</summary>
    public async Task<InboundOutcome> RunAsync(Inbound request, CancellationToken cancellationToken)
    {
        if (!_options.DeferAfter.TryGetValue(request.Channel.Platform, out var deadline))
            return new InboundOutcome(await ReplyAsync(request, cancellationToken), null);
        // On the thread pool, so the deadline runs whatever the handler does before its first await.
        var work = Task.Run(() => ReplyAsync(request, CancellationToken.None), CancellationToken.None);
        try
        {
            return new InboundOutcome(await work.WaitAsync(deadline, _time, cancellationToken), null);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return new InboundOutcome(null, work);
        }
    }

    /// <summary>The words for a notice of the port or an adapter, so adapters hold no sentences either.</summary>
    public string Say(ChatNotice notice) => _wording.Say(notice);

    /// <summary>The reply of a run, waiting for it when it was deferred; for callers that answer later anyway.</summary>
    public async Task<OutgoingMessage> ReplyOfAsync(InboundOutcome outcome) =>
        (outcome.Later is { } later ? await later : outcome.Reply) ?? OutgoingMessage.PrivateText(Say(new ChatNotice.Unexpected()));

    private async Task<OutgoingMessage?> ReplyAsync(Inbound request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (request is AnswerAction answer)
            {
                var (values, problem) = AnswerCodec.Read(answer.Values);
                if (problem is { } refused)
                    return OutgoingMessage.PrivateText(_wording.Say(new ChatNotice.AnswerRefused(refused))) with { Refused = true };
                request = answer with { Values = values! };
            }
            return await _handler.Value.HandleAsync(request, cancellationToken);
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

    /// <summary>The reply to a request that failed, worded for what the person was doing.</summary>
    private OutgoingMessage Explain(Inbound request, InboundFailure failure) =>
        OutgoingMessage.PrivateText(_wording.Say(new ChatNotice.Failed(request, failure))) with { NotSaved = request is AnswerAction || failure != InboundFailure.Unexpected };

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
        services.AddOptions<InboundOptions>();
        services.TryAddSingleton<InboundPipeline>();
        return services;
    }
}
