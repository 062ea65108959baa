using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>Remembers the ids of signed interactions already handled, so a captured request sent
/// again is refused. An id is kept as long as its request could still pass the timestamp check
/// (<see cref="DiscordInteractionsEndpoint.TimestampTolerance"/> either side of now); after that the
/// timestamp check refuses it anyway. Only requests with a valid signature get here, so outsiders
/// cannot fill it. Per process: replicas behind a load balancer each keep their own.</summary>
internal sealed class DiscordReplayGuard(TimeProvider time)
{
    private readonly ConcurrentDictionary<ulong, long> _seen = new();
    private long _nextSweep;

    /// <summary>True the first time an id is seen; false for every later request with it.</summary>
    public bool TryClaim(ulong interactionId)
    {
        var now = time.GetTimestamp();
        Sweep(now);
        return _seen.TryAdd(interactionId, now + Ticks(2 * DiscordInteractionsEndpoint.TimestampTolerance));
    }

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + Ticks(TimeSpan.FromMinutes(1)), next) != next)
            return;
        foreach (var (id, expires) in _seen)
        {
            if (expires <= now)
                _seen.TryRemove(id, out _);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
