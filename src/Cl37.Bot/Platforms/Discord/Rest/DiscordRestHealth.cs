namespace Cl37.Bot.Platforms.Discord.Rest;

/// <summary>Shared across the typed clients: once Discord answers 401 to the bot token, no more
/// authorized calls are sent (DAD topics/rate-limits.mdx "Invalid Request Limit").</summary>
internal sealed class DiscordRestHealth
{
    private volatile bool _unauthorized;

    public bool Unauthorized
    {
        get => _unauthorized;
        set => _unauthorized = value;
    }
}
