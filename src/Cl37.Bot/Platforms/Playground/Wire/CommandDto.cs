
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>A command for the page's completion, rendered from the shared catalog.</summary>
internal sealed record CommandDto(
    string Name,
    string Description,
    bool AdminOnly,
    string? Example,
    string Usage,
    IReadOnlyList<CommandOptionDto> Options,
    IReadOnlyList<SubCommandDto> SubCommands);
