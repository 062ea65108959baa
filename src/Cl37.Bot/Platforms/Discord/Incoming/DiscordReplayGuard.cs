
namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>Remembers the ids of signed interactions already handled, so a captured request sent
/// again is refused. An id is kept as long as its request could still pass the timestamp check: a
/// replay carries the same signed timestamp, which is refused once it is more than
/// <see cref="DiscordInteractionsEndpoint.TimestampTolerance"/> old. Only requests with a valid
/// signature get here, so outsiders cannot fill it. Per process, and the first check only: it costs
/// no database round trip; other replicas and restarts are covered by <see cref="Chat.IRequestLedger"/>.</summary>
internal sealed class DiscordReplayGuard(TimeProvider time)
{
    private const long SecondsPerMinute = 60;

    // Ids are grouped by the minute in which their timestamp stops being fresh, so expired ids leave
    // a whole set at a time, and an id costs a set entry (16 bytes) rather than a dictionary node
    // (about 50) that would also live on into the oldest generation of the heap. A busy endpoint
    // holds the ids of five minutes of requests.
    private readonly Dictionary<long, HashSet<ulong>> _byLastFreshMinute = [];
    private readonly Lock _gate = new();

    internal int Count
    {
        get
        {
            lock (_gate)
                return _byLastFreshMinute.Values.Sum(ids => ids.Count);
        }
    }

    /// <summary>True the first time an id is seen; false for every later request with it.</summary>
    public bool TryClaim(ulong interactionId, long signedUnixSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var freshUntil = signedUnixSeconds + (long)DiscordInteractionsEndpoint.TimestampTolerance.TotalSeconds;
        var minute = freshUntil / SecondsPerMinute;
        lock (_gate)
        {
            HashSet<ulong>? mine = null;
            foreach (var (lastFreshMinute, ids) in _byLastFreshMinute)
            {
                // Every id of a minute that has fully passed is stale, and the endpoint refuses it first.
                if ((lastFreshMinute + 1) * SecondsPerMinute <= now)
                    _byLastFreshMinute.Remove(lastFreshMinute);
                else if (ids.Contains(interactionId))
                    return false;
                else if (lastFreshMinute == minute)
                    mine = ids;
            }
            if (mine is null)
                _byLastFreshMinute[minute] = mine = [];
            return mine.Add(interactionId);
        }
    }
}
