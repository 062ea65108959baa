
namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>The outcome of checking an inbound request's token.</summary>
/// <param name="BotId">The app id the token was issued for (its <c>aud</c>), or null in local mode.</param>
/// <param name="RetryAfter">Set when the token could not be checked because the channel's signing
/// keys are unreachable: the request deserves 503 and another try, not 401.</param>
internal sealed record BotAuthResult(bool Succeeded, string? Error, string? BotId, TimeSpan? RetryAfter = null)
{
    public static BotAuthResult Anonymous { get; } = new(true, null, null);

    public static BotAuthResult Fail(string error) => new(false, error, null);

    public static BotAuthResult Unavailable(string error, TimeSpan retryAfter) => new(false, error, null, retryAfter);
}
