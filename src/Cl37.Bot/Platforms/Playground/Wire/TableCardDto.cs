
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record TableCardDto(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Footer) : CardDto;
