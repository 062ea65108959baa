namespace Cl37.Bot.Chat;

/// <summary>A channel on one platform: the platform's name, its group (Discord server, Teams team,
/// playground room) and the channel inside it. Ids are the platform's own, as strings.</summary>
public sealed record ChannelRef(string Platform, string GroupId, string ChannelId);
