using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Discord.Rest;

/// <summary>Shared across the typed clients: once Discord answers 401 to the bot token, no more
/// authorized calls are sent (DAD topics/rate-limits.mdx "Invalid Request Limit"). It also remembers,
/// per route, a call that failed after every retry (5xx, 429, unreachable) until that route succeeds
/// again, so health shows Discord as degraded while the gateway still looks connected — and a
/// working interaction callback does not hide channel posts that still fail. A failure nobody
/// repeats or clears ages out: a route used once during an outage must not hold health down forever
/// (posts that keep failing are retried by the sweep every 30 s, which keeps theirs fresh).</summary>
internal sealed class DiscordRestHealth(TimeProvider time)
{
    private static readonly TimeSpan FailureRemembered = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string What)> _failures = new(StringComparer.Ordinal);
    private volatile bool _unauthorized;

    public bool Unauthorized
    {
        get => _unauthorized;
        set => _unauthorized = value;
    }

    /// <summary>The latest failure of a route that has not succeeded since, or null when none is failing.</summary>
    public string? Failure
    {
        get
        {
            var since = time.GetUtcNow() - FailureRemembered;
            var failing = _failures.Where(f => f.Value.At >= since).ToArray();
            if (failing.Length == 0)
                return null;
            var (_, (at, what)) = failing.MaxBy(f => f.Value.At);
            var others = failing.Length > 1 ? $"; {failing.Length - 1} other route(s) failing too" : "";
            return $"{what} (at {at:yyyy-MM-dd HH:mm:ss} UTC){others}";
        }
    }

    public void Failed(string route, DateTimeOffset at, string what) => _failures[route] = (at, what);

    public void Succeeded(string route) => _failures.TryRemove(route, out _);
}
