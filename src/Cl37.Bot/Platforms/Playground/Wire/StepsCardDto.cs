
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record StepsCardDto(string Title, string Formula, IReadOnlyList<string> Steps, string Answer) : CardDto;
