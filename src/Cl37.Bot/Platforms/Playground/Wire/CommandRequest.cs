
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record CommandRequest(string? Channel, string? Text, PersonDto? Person);
