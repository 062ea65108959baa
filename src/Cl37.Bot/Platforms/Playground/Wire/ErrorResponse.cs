
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record ErrorResponse(string Error);
