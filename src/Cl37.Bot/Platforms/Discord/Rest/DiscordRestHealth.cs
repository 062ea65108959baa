namespace Cl37.Bot.Platforms.Discord.Rest;

/// <summary>Shared across the typed clients: once Discord answers 401 to the bot token, no more
/// authorized calls are sent (DAD topics/rate-limits.mdx "Invalid Request Limit"). It also remembers
/// a call that failed after every retry (5xx, 429, unreachable) until the next success, so health
/// shows Discord as degraded while the gateway still looks connected.</summary>
internal sealed class DiscordRestHealth
{
    private volatile bool _unauthorized;
    private volatile string? _failure;

    public bool Unauthorized
    {
        get => _unauthorized;
        set => _unauthorized = value;
    }

    /// <summary>The last call that failed after every retry, or null once a call succeeded again.</summary>
    public string? Failure => _failure;

    public void Failed(DateTimeOffset at, string what) => _failure = $"{what} (at {at:yyyy-MM-dd HH:mm:ss} UTC)";

    public void Succeeded() => _failure = null;
}
