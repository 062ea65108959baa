using Microsoft.Extensions.Options;

namespace Cl37.Bot.Chat;

/// <summary>Who counts as an admin: whoever the platform says administers the group, plus the
/// people listed in <c>Quiz:Admins</c> as <c>platform:userId</c>.</summary>
public sealed class AdminPolicy(IOptions<AdminOptions> options)
{
    /// <summary>The rule a refusal names: only the platform the person is on, never a setting key
    /// (people listed in <c>Quiz:Admins</c> are never refused, so they need no mention).</summary>
    public static string WhoIsAdmin(string platform, bool noPlatformAdmins = false) => (platform, noPlatformAdmins) switch
    {
        ("teams", true) => "This Teams chat is not part of a team, so it has no owners: here, admins are only the people named as admins by whoever runs the bot. Ask one of them, or use a channel of a team you own.",
        ("discord", _) => "On Discord, admins are people with the Manage Server permission.",
        ("teams", _) => "On Teams, admins are the team's owners.",
        ("playground", _) => "In the playground, tick the admin box to act as an admin.",
        _ => "Ask an admin of this group.",
    };

    public bool IsAdmin(ChannelRef channel, ChatUser user) =>
        user.IsPlatformAdmin || options.Value.Admins.Contains($"{channel.Platform}:{user.Id}", StringComparer.OrdinalIgnoreCase);
}
