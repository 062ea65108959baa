namespace Cl37.Bot.Content;

/// <summary>One answer with the share of the question's points it earns, as an imported file gives it.</summary>
/// <param name="Answer">An option key (choice questions), an accepted text (short answer, <c>*</c> is a
/// wildcard) or the number as written (numerical).</param>
/// <param name="Fraction">−1 to 1: 0.5 is half the points, −0.5 takes half away.</param>
/// <param name="Feedback">What the person sees when their answer is this one.</param>
/// <param name="Number">Numerical answers: the value and its tolerance.</param>
public sealed record WeightedAnswer(string Answer, double Fraction, string? Feedback = null, NumericPart? Number = null);
