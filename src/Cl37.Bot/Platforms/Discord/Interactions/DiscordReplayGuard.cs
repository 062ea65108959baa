using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>Remembers the ids of signed interactions already handled, so a captured request sent
/// again is refused. An id is kept as long as its request could still pass the timestamp check: a
/// replay carries the same signed timestamp, which is refused once it is more than
/// <see cref="DiscordInteractionsEndpoint.TimestampTolerance"/> old. Only requests with a valid
/// signature get here, so outsiders cannot fill it. Per process: replicas behind a load balancer
/// each keep their own.</summary>
internal sealed class DiscordReplayGuard(TimeProvider time)
{
    private const long SweepEverySeconds = 60;

    // Interaction id → the last Unix second at which its signed timestamp is still fresh.
    private readonly ConcurrentDictionary<ulong, long> _seen = new();
    private long _nextSweep;

    internal int Count => _seen.Count;

    /// <summary>True the first time an id is seen; false for every later request with it.</summary>
    public bool TryClaim(ulong interactionId, long signedUnixSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        Sweep(now);
        return _seen.TryAdd(interactionId, signedUnixSeconds + (long)DiscordInteractionsEndpoint.TimestampTolerance.TotalSeconds);
    }

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + SweepEverySeconds, next) != next)
            return;
        foreach (var (id, freshUntil) in _seen)
        {
            if (freshUntil < now)
                _seen.TryRemove(id, out _);
        }
    }
}
