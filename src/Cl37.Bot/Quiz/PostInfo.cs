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
}
