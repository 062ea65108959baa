using System.Collections.Concurrent;
using Cl37.Bot.Platforms.Teams.Kernel;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

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

    /// <summary>How often idle lanes are looked for, and how long a quiet lane waits to be forgotten:
    /// the 30-second window, after which only the hourly limit can still hold a send back.</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(30);

    /// <summary>A quiet lane with fewer sends than this in the last hour is forgotten; busier ones (a
    /// channel's tallies) are kept for the whole hour.</summary>
    private const int FewSends = 60;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private long _nextPruneTicks;

    internal int LaneCount => _lanes.Count;

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
        PruneNow(time.GetUtcNow());
    }

    /// <summary>A channel thread (<c>19:…;messageid=…</c>) shares its channel's limits.</summary>
    internal static string ThreadKey(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    /// <summary>Forgets the lanes that went quiet. Private feedback opens one 1:1 chat per person, so
    /// a class of hundreds makes hundreds of lanes with a send or two each; keeping each for the full
    /// hour would grow with every new person. Forgetting a quiet lane with few sends can only matter to
    /// the hourly limit, and only for a thread that then sends well over a thousand more within that
    /// hour; Teams would answer 429 with Retry-After, which the connector client honours.</summary>
    private void PruneNow(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + QuietFor).UtcTicks, due) != due)
            return;
        foreach (var (key, lane) in _lanes)
        {
            // A lane in use (its gate taken) is not quiet.
            if (!lane.Gate.Wait(0))
                continue;
            try
            {
                if (lane.CanForget(now))
                    _lanes.TryRemove(key, out _);
            }
            finally
            {
                lane.Gate.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
            lane.Gate.Dispose();
    }

    private sealed class Lane
    {
        // In send order, at most the last hour's.
        private readonly List<DateTimeOffset> _sent = [];

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TimeSpan WaitNeeded(DateTimeOffset now)
        {
            DropOlderThanAnHour(now);
            var wait = TimeSpan.Zero;
            foreach (var (window, limit) in Limits)
            {
                // With `limit` sends already in the window, one more fits once the oldest of those leaves it.
                if (_sent.Count < limit)
                    continue;
                var freeAt = _sent[^limit] + window;
                if (freeAt - now > wait)
                    wait = freeAt - now;
            }
            return wait;
        }

        public void Record(DateTimeOffset now) => _sent.Add(now);

        public bool CanForget(DateTimeOffset now)
        {
            DropOlderThanAnHour(now);
            return _sent.Count == 0 || (_sent.Count < FewSends && now - _sent[^1] >= QuietFor);
        }

        private void DropOlderThanAnHour(DateTimeOffset now)
        {
            var old = 0;
            while (old < _sent.Count && now - _sent[old] >= Longest)
                old++;
            _sent.RemoveRange(0, old);
        }
    }
}
