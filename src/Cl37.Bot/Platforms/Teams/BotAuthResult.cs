namespace Cl37.Bot.Platforms.Teams;

/// <summary>The outcome of checking an inbound request's token.</summary>
/// <param name="BotId">The app id the token was issued for (its <c>aud</c>), or null in local mode.</param>
internal sealed record BotAuthResult(bool Succeeded, string? Error, string? BotId)
{
    public static BotAuthResult Anonymous { get; } = new(true, null, null);

    public static BotAuthResult Fail(string error) => new(false, error, null);
}
