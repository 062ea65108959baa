namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record FileCardDto(string FileName, string ContentType, string Content) : CardDto;
