
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record RevealOptionDto(string Key, string Text, int Count, double Percent, bool IsCorrect, string? WhyWrong);
