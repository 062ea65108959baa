using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>Shared across the typed clients: once Discord answers 401 to the bot token, no more
/// authorized calls are sent (DAD topics/rate-limits.mdx "Invalid Request Limit"). It also remembers,
/// per route, a call that failed after every retry (5xx, 429, unreachable) until that route succeeds
/// again, so health shows Discord as degraded while the gateway still looks connected — and a
/// working interaction callback does not hide channel posts that still fail.</summary>
internal sealed class DiscordRestHealth(TimeProvider time)
{
    private readonly PlatformFailures _failures = new(time);
    private volatile bool _unauthorized;

    public bool Unauthorized
    {
        get => _unauthorized;
        set => _unauthorized = value;
    }

    /// <summary>Every route failing now, newest first, or null when none is failing.</summary>
    public string? Failure => _failures.Describe();

    public void Failed(string route, string what) => _failures.Failed(route, what);

    public void Succeeded(string route) => _failures.Succeeded(route);
}
