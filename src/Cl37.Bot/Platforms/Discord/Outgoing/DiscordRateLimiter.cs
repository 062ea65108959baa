using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>Discord's REST limits (DAD topics/rate-limits.mdx): per-route buckets learned from the
/// <c>X-RateLimit-*</c> headers and keyed by bucket hash + top-level resource, one request in flight
/// per bucket (so an unknown bucket is probed by one request before others follow, as Discord.Net
/// does), a global 50 requests/s window, and global pauses after a global 429. All waits run on the
/// injected <see cref="TimeProvider"/>.</summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    public const int GlobalPerSecond = 50;
    private readonly ConcurrentDictionary<string, string> _hashes = new();
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private readonly Queue<long> _globalWindow = new();
    private readonly Lock _globalLock = new();
    private long _globalPausedUntil;

    /// <summary>Waits for the route's bucket and the global limit; dispose the lease once the
    /// response headers have been applied.</summary>
    public async Task<Lease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        Bucket? bucket = null;
        if (!route.Interaction)
        {
            bucket = BucketFor(route);
            await bucket.Gate.WaitAsync(cancellationToken);
        }
        try
        {
            if (bucket is not null)
                await DelayUntilAsync(bucket.ResetAt, () => bucket.Remaining == 0, cancellationToken);
            await GlobalAsync(route, cancellationToken);
            return new Lease(bucket);
        }
        catch
        {
            bucket?.Gate.Release();
            throw;
        }
    }

    /// <summary>Applies a response's rate-limit headers to the route's bucket.</summary>
    public void Update(DiscordRoute route, Lease lease, HttpResponseHeaders headers)
    {
        var bucket = lease.Bucket;
        if (headers.TryGetValues("X-RateLimit-Bucket", out var hashes) && hashes.FirstOrDefault() is { Length: > 0 } hash)
        {
            _hashes[route.RouteKey] = hash;
            // The route's first bucket becomes the hash bucket, so what this response says carries over.
            if (bucket is not null)
                bucket = _buckets.GetOrAdd("hash:" + hash + "|" + route.MajorId, bucket);
        }
        if (bucket is null)
            return;
        if (Header(headers, "X-RateLimit-Remaining") is { } remaining)
            bucket.Remaining = (int)remaining;
        if (Header(headers, "X-RateLimit-Reset-After") is { } after)
            bucket.ResetAt = time.GetTimestamp() + Ticks(after);
    }

    /// <summary>A 429: the bucket (or, when global, every request) waits <paramref name="retryAfterSeconds"/>.</summary>
    public void RateLimited(Lease lease, double retryAfterSeconds, bool global)
    {
        var until = time.GetTimestamp() + Ticks(retryAfterSeconds);
        if (global)
        {
            lock (_globalLock)
                _globalPausedUntil = Math.Max(_globalPausedUntil, until);
        }
        else if (lease.Bucket is { } bucket)
        {
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }
    }

    private Bucket BucketFor(DiscordRoute route)
    {
        var id = _hashes.TryGetValue(route.RouteKey, out var hash) ? "hash:" + hash : "route:" + route.RouteKey;
        return _buckets.GetOrAdd(id + "|" + route.MajorId, _ => new Bucket());
    }

    private async Task GlobalAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_globalLock)
            {
                var now = time.GetTimestamp();
                if (_globalPausedUntil > now)
                    wait = Span(_globalPausedUntil - now);
                else if (route.Interaction)
                    return;
                else
                {
                    var windowStart = now - time.TimestampFrequency;
                    while (_globalWindow.Count > 0 && _globalWindow.Peek() <= windowStart)
                        _globalWindow.Dequeue();
                    if (_globalWindow.Count < GlobalPerSecond)
                    {
                        _globalWindow.Enqueue(now);
                        return;
                    }
                    wait = Span(_globalWindow.Peek() - windowStart);
                }
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task DelayUntilAsync(long timestamp, Func<bool> needed, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (needed() && timestamp > now)
            await Task.Delay(Span(timestamp - now), time, cancellationToken);
    }

    private long Ticks(double seconds) => (long)(Math.Max(0, seconds) * time.TimestampFrequency);

    private TimeSpan Span(long ticks) => TimeSpan.FromSeconds((double)Math.Max(1, ticks) / time.TimestampFrequency);

    private static double? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Remaining { get; set; } = 1;
        public long ResetAt { get; set; }
    }

    internal sealed class Lease(Bucket? bucket) : IDisposable
    {
        public Bucket? Bucket { get; } = bucket;

        public void Dispose() => Bucket?.Gate.Release();
    }
}
