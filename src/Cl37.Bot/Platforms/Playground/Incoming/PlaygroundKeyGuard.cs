using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Incoming;

/// <summary>Slows down guessing of the access key: each client address (an IPv6 /64 counts as one)
/// may get it wrong <see cref="PlaygroundOptions.MaxKeyFailuresPerMinute"/> times a minute, then every
/// attempt gets 429 until the window ends, before the key is even compared. Only failures count, so
/// the people of one school behind one address are not locked out by their own use. Failures are
/// logged as a warning at most once a minute per address, with how many there were.</summary>
internal sealed class PlaygroundKeyGuard : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Past this many addresses, those quiet for two windows are forgotten at the next report.
    private const int SweepAbove = 1000;

    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PlaygroundKeyGuard(IOptions<PlaygroundOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _limit = options.Value.MaxKeyFailuresPerMinute;
        _time = time;
        _logger = loggers.CreateLogger("Cl37.Bot.Playground");
        // The partitioned limiter replenishes its windows itself; a timer per address would not scale.
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _limit,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = false,
        }));
    }

    /// <summary>How long the address must wait before it may try a key again, or null when it may try now.
    /// A refused attempt counts as a failure in the log.</summary>
    public TimeSpan? Refusal(IPAddress? address)
    {
        var key = PlaygroundStreams.AddressKey(address);
        // Zero permits only asks whether the window has any left.
        using var probe = _failures.AttemptAcquire(key, 0);
        if (probe.IsAcquired)
            return null;
        Count(key);
        return probe.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
    }

    /// <summary>Records a wrong key from the address.</summary>
    public void Failed(IPAddress? address)
    {
        var key = PlaygroundStreams.AddressKey(address);
        using (_failures.AttemptAcquire(key, 1))
        {
        }
        Count(key);
    }

    /// <summary>The <c>Retry-After</c> value for a refusal: whole seconds, at least one (RFC 9110 §10.2.3).</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    // The first failure is reported at once; later ones within the minute are added up and
    // reported when it ends, so a short burst still shows its full count.
    private void Count(string address)
    {
        var tally = _tallies.GetOrAdd(address, _ => new Tally());
        var now = _time.GetUtcNow();
        lock (tally)
        {
            tally.Unreported++;
            tally.Since ??= now;
            tally.Last = now;
            if (tally.Reported is { } reported && now - reported < Window)
            {
                tally.Pending ??= _time.CreateTimer(_ => Report(address, tally), null, reported + Window - now, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        Report(address, tally);
        Sweep(now);
    }

    private void Report(string address, Tally tally)
    {
        int count;
        DateTimeOffset since;
        lock (tally)
        {
            tally.Pending?.Dispose();
            tally.Pending = null;
            if (tally.Unreported == 0 || tally.Since is null)
                return;
            count = tally.Unreported;
            since = tally.Since.Value;
            tally.Unreported = 0;
            tally.Since = null;
            tally.Reported = _time.GetUtcNow();
        }
        _logger.LogWarning("Playground: {Count} failed access key attempts from {Address} since {Since:u}; each address may fail {Limit} times a minute, then gets 429",
            count, address, since, _limit);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_tallies.Count <= SweepAbove)
            return;
        foreach (var (key, tally) in _tallies)
        {
            lock (tally)
            {
                if (tally.Pending is null && now - tally.Last > 2 * Window)
                    _tallies.TryRemove(key, out _);
            }
        }
    }

    public void Dispose()
    {
        _failures.Dispose();
        foreach (var tally in _tallies.Values)
        {
            lock (tally)
                tally.Pending?.Dispose();
        }
    }

    private sealed class Tally
    {
        public int Unreported;
        public DateTimeOffset? Since;
        public DateTimeOffset? Reported;
        public DateTimeOffset Last;
        public ITimer? Pending;
    }
}
