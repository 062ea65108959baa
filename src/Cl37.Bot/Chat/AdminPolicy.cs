using Microsoft.Extensions.Options;

namespace Cl37.Bot.Chat;

/// <summary>Who counts as an admin: whoever the platform says administers the group, plus the
/// people listed in <c>Quiz:Admins</c> as <c>platform:userId</c>.</summary>
public sealed class AdminPolicy(IOptions<AdminOptions> options)
{
    public bool IsAdmin(ChannelRef channel, ChatUser user) =>
        user.IsPlatformAdmin || options.Value.Admins.Contains($"{channel.Platform}:{user.Id}", StringComparer.OrdinalIgnoreCase);
}
