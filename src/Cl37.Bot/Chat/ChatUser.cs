namespace Cl37.Bot.Chat;

/// <summary>The person behind an inbound command or action.</summary>
/// <param name="Id">The platform's user id.</param>
/// <param name="DisplayName">The name the platform shows; untrusted text.</param>
/// <param name="IsPlatformAdmin">True when the platform itself says this person administers the
/// group (Manage Server on Discord, team owner on Teams, the admin switch in the playground).</param>
public sealed record ChatUser(string Id, string DisplayName, bool IsPlatformAdmin)
{
    /// <summary>True where the platform names nobody who administers the conversation (a Teams chat
    /// outside a team has no owners), so only the people the bot's operator named are admins there.</summary>
    public bool NoPlatformAdmins { get; init; }
}
