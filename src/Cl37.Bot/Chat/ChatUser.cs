namespace Cl37.Bot.Chat;

/// <summary>The person behind an inbound command or action.</summary>
/// <param name="Id">The platform's user id.</param>
/// <param name="DisplayName">The name the platform shows; untrusted text.</param>
/// <param name="IsPlatformAdmin">True when the platform itself says this person administers the
/// group (Manage Server on Discord, team owner on Teams, the admin switch in the playground).</param>
public sealed record ChatUser(string Id, string DisplayName, bool IsPlatformAdmin)
{
    /// <summary>What makes someone an admin in this conversation on this platform.</summary>
    public AdminRule AdminRule { get; init; }
}
