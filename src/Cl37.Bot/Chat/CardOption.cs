namespace Cl37.Bot.Chat;

/// <summary>One choice of a question: its key (A, B, …) and text.</summary>
public sealed record CardOption(string Key, string Text);
