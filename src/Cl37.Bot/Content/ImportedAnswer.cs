namespace Cl37.Bot.Content;

/// <summary>One answer of an imported question; <see cref="Fraction"/> is −1 to 1.</summary>
internal sealed record ImportedAnswer(string Text, double Fraction, string Feedback, NumericPart? Number = null);
