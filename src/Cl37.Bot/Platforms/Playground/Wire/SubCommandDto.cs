
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record SubCommandDto(
    string Name,
    string Description,
    bool AdminOnly,
    string? Example,
    string Usage,
    IReadOnlyList<CommandOptionDto> Options);
