
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>What a command or an answer produced: a private reply for the caller alone, or the id
/// of the public message it posted into the channel.</summary>
internal sealed record ReplyResponse(MessageDto? Reply, string? PostedId, string UserId);
