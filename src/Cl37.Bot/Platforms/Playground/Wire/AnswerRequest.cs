
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record AnswerRequest(string? Channel, long? PostId, List<string?>? Values, PersonDto? Person);
