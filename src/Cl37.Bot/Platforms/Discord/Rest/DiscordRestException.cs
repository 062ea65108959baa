namespace Cl37.Bot.Platforms.Discord.Rest;

/// <summary>A Discord REST call that failed for good (after rate-limit waits and 5xx retries).</summary>
internal sealed class DiscordRestException(int status, int? code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public int? Code { get; } = code;
}
