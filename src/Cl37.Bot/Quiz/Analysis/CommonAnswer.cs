namespace Cl37.Bot.Quiz.Analysis;

/// <summary>A typed answer as most people spelled it, and how many gave it (or what grades the same).</summary>
public sealed record CommonAnswer(string Text, int Count);
