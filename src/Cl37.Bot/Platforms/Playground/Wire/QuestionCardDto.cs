
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record QuestionCardDto(
    long PostId,
    string QuestionId,
    string Title,
    string Prompt,
    string Input,
    IReadOnlyList<OptionDto> Options,
    int? AnsweredCount,
    DateTimeOffset? Closes,
    bool Closed,
    string? InputHint) : CardDto;
