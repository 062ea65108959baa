using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Discord.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(GatewaySend<IdentifyData>))]
[JsonSerializable(typeof(GatewaySend<ResumeData>))]
[JsonSerializable(typeof(GatewaySend<long?>))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(PartialApplication))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(RateLimitResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
