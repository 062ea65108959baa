using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Serialises sends per conversation and keeps them within Teams' per-bot-per-thread limits
/// (msteams-docs bots/how-to/rate-limit.md: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour).</summary>
internal sealed class TeamsSendQueue(TimeProvider time, TeamsMetrics metrics) : IDisposable
{
    internal static readonly (TimeSpan Window, int Limit)[] Limits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Waits until one more send to <paramref name="conversationId"/> fits the limits and
    /// counts it. Sends to one conversation go out one at a time, in arrival order.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = ThreadKey(conversationId);
        var lane = _lanes.GetOrAdd(key, _ => new Lane());
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetUtcNow();
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = lane.WaitNeeded(now);
                if (wait <= TimeSpan.Zero)
                {
                    lane.Record(now);
                    if (now > started)
                        metrics.QueueWait(now - started);
                    break;
                }
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            lane.Gate.Release();
        }
        if (_lanes.Count > 1024)
            Prune();
    }

    /// <summary>A channel thread (<c>19:…;messageid=…</c>) shares its channel's limits.</summary>
    internal static string ThreadKey(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - Longest;
        foreach (var (key, lane) in _lanes)
        {
            if (lane.LastSend < cutoff && lane.Gate.CurrentCount == 1)
                _lanes.TryRemove(key, out _);
        }
    }

    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
            lane.Gate.Dispose();
    }

    private sealed class Lane
    {
        private readonly Queue<DateTimeOffset> _sent = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastSend { get; private set; }

        public TimeSpan WaitNeeded(DateTimeOffset now)
        {
            while (_sent.Count > 0 && now - _sent.Peek() >= Longest)
                _sent.Dequeue();
            var wait = TimeSpan.Zero;
            var stamps = _sent.ToArray();
            foreach (var (window, limit) in Limits)
            {
                var inWindow = stamps.Where(s => now - s < window).ToArray();
                if (inWindow.Length >= limit)
                {
                    // Once the oldest surplus send leaves the window there is room for one more.
                    var freeAt = inWindow[inWindow.Length - limit] + window;
                    if (freeAt - now > wait)
                        wait = freeAt - now;
                }
            }
            return wait;
        }

        public void Record(DateTimeOffset now)
        {
            _sent.Enqueue(now);
            LastSend = now;
        }
    }
}
