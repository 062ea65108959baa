namespace Cl37.Bot.Chat;

/// <summary>A calculation: the formula, the worked steps and the answer.</summary>
public sealed record StepsCard(string Title, string Formula, IReadOnlyList<string> Steps, string Answer) : ChatCard;
