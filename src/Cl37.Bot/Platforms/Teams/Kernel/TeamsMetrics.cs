using System.Diagnostics.Metrics;

namespace Cl37.Bot.Platforms.Teams.Kernel;

/// <summary>The "Cl37.Bot.Teams" meter: connector calls, retries, 429s and queue waits.</summary>
internal sealed class TeamsMetrics
{
    public const string MeterName = "Cl37.Bot.Teams";
    private readonly Counter<long> _sends;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _activities;
    private readonly Histogram<double> _queueWait;

    public TeamsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sends = meter.CreateCounter<long>("cl37_teams_connector_requests", description: "Calls to the Bot Connector, by operation and status");
        _retries = meter.CreateCounter<long>("cl37_teams_connector_retries", description: "Connector calls retried after 429/412/502/504");
        _throttled = meter.CreateCounter<long>("cl37_teams_connector_throttled", description: "HTTP 429 answers from the Bot Connector");
        _activities = meter.CreateCounter<long>("cl37_teams_activities", description: "Inbound activities, by type");
        _queueWait = meter.CreateHistogram<double>("cl37_teams_send_queue_wait", unit: "s", description: "Time a send waited for the per-conversation rate limit");
    }

    public void Request(string operation, int status) =>
        _sends.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status", status));

    public void Retry(string operation, int status)
    {
        _retries.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status", status));
        if (status == 429)
            _throttled.Add(1, new KeyValuePair<string, object?>("operation", operation));
    }

    public void Activity(string type) => _activities.Add(1, new KeyValuePair<string, object?>("type", type));

    public void QueueWait(TimeSpan wait) => _queueWait.Record(wait.TotalSeconds);
}
