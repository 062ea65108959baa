
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record CommandOptionDto(
    string Name,
    string Description,
    string Kind,
    bool Required,
    IReadOnlyList<string>? Choices,
    double? MinValue,
    double? MaxValue);
