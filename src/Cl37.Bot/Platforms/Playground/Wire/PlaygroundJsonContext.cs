using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Playground.Wire;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 16)]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(AccessRequest))]
[JsonSerializable(typeof(ReplyResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(HistoryDto))]
[JsonSerializable(typeof(ConfigDto))]
[JsonSerializable(typeof(IReadOnlyList<CommandDto>))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
