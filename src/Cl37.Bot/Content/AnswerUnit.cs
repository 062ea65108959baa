namespace Cl37.Bot.Content;

/// <summary>A unit a numerical answer may be typed in: a value typed in it is divided by
/// <paramref name="Multiplier"/> to give the answer's own unit (Moodle's rule).</summary>
public sealed record AnswerUnit(string Name, double Multiplier);
