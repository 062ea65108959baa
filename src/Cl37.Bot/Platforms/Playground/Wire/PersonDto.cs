
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record PersonDto(string? Name, bool Admin);
