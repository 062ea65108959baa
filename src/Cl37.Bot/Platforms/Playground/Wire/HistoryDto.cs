
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>A channel's kept messages, oldest first: the first event of every stream.</summary>
internal sealed record HistoryDto(string Channel, IReadOnlyList<MessageDto> Messages);
