using Cl37.Bot.Chat;

namespace Cl37.Bot.Quiz;

/// <summary>A channel's database ids and its group's settings.</summary>
public sealed record ChannelInfo(
    long GroupId,
    long ChannelId,
    ChannelRef Channel,
    string TimeZone,
    string? DeckId,
    bool StreakBonus,
    bool SpeedBonus,
    bool EveryoneCanPost,
    bool HideResults);
