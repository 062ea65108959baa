namespace Cl37.Bot.Chat;

/// <summary>How many chose one option (or one distinct typed answer), and why it is wrong.</summary>
public sealed record RevealOption(string Key, string Text, int Count, double Percent, bool IsCorrect, string? WhyWrong);
