using System.Collections.Concurrent;

namespace Cl37.Bot.Chat;

/// <summary>The outbound operations of one platform (a Discord REST route, a Bot Connector send or
/// update) that failed after every retry and have not succeeded since. Each operation is kept on its
/// own, so a working call never hides another that still fails, and the health text names every
/// failing one whatever order they failed in. A failure nobody repeats or clears ages out: an
/// operation used once during an outage must not hold health down forever.</summary>
public sealed class PlatformFailures(TimeProvider time)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string What)> _failures = new(StringComparer.Ordinal);

    public void Failed(string operation, string what) => _failures[operation] = (time.GetUtcNow(), what);

    public void Succeeded(string operation) => _failures.TryRemove(operation, out _);

    /// <summary>Every operation failing now, newest first, each as "what (at …)"; empty when none is.</summary>
    public IReadOnlyList<string> Current()
    {
        var since = time.GetUtcNow() - Remembered;
        return _failures
            .Where(f => f.Value.At >= since)
            .OrderByDescending(f => f.Value.At)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Value.What} (at {f.Value.At:yyyy-MM-dd HH:mm:ss} UTC)")
            .ToArray();
    }

    /// <summary>All current failures joined with "; ", or null when nothing is failing.</summary>
    public string? Describe()
    {
        var current = Current();
        return current.Count == 0 ? null : string.Join("; ", current);
    }
}
