
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record RevealCardDto(
    long PostId,
    string Title,
    string Prompt,
    string CorrectAnswer,
    string Explanation,
    IReadOnlyList<RevealOptionDto> Options,
    int AnsweredCount,
    int CorrectCount,
    IReadOnlyList<string> FastestCorrect,
    IReadOnlyList<string> Movement,
    IReadOnlyList<string> SolutionSteps,
    string Outcome) : CardDto;
