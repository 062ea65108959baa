using Cl37.Bot.Chat;

namespace Cl37.Bot.Quiz;

/// <summary>What answering needs to know about a post, cached after the first read.</summary>
public sealed record PostInfo(
    long PostId,
    long GroupId,
    long ChannelId,
    ChannelRef Channel,
    string QuestionId,
    DateTime PostedUtc,
    DateTime? ClosesUtc,
    bool Revealed,
    bool HideResults,
    long? PracticePersonId,
    string? PracticeOwnerExternalId,
    string TimeZone,
    bool StreakBonus,
    bool SpeedBonus,
    string? MessageId)
{
    /// <summary>Whether the post belongs to the group a request came from (same platform and group):
    /// a post id from another group is treated as unknown.</summary>
    public bool IsIn(ChannelRef channel) =>
        string.Equals(Channel.Platform, channel.Platform, StringComparison.Ordinal) && Channel.GroupId == channel.GroupId;

    /// <summary>Whether a person may answer or view the post from a conversation: a group post from
    /// its own group; a practice post also by its owner from any conversation of the same platform,
    /// since its card goes wherever the platform shows private replies (on Teams, the 1:1 chat).</summary>
    public bool IsOpenTo(ChannelRef channel, string? userId) =>
        IsIn(channel)
        || (PracticeOwnerExternalId is not null && PracticeOwnerExternalId == userId
            && string.Equals(Channel.Platform, channel.Platform, StringComparison.Ordinal));
}
