namespace Cl37.Bot.Quiz.Grading;

/// <summary>The grade of one answer.</summary>
/// <param name="Points">0 to 10 (MSQ partial credit may be fractional).</param>
/// <param name="Recorded">The answer as it is stored and shown back (<c>A, C</c>, <c>745 MB</c>, <c>Pod</c>).</param>
/// <param name="Parts">How the points came about where an answer has several parts: the right options
/// of a multiple-select question, the values of a numerical question asking for more than one.</param>
/// <param name="Error">Set when the input was malformed: nothing was graded and this says why.</param>
public sealed record GradeResult(double Points, bool IsCorrect, string Recorded, PartCredit? Parts = null, string? Error = null)
{
    public const double FullPoints = 10;

    public bool IsValid => Error is null;

    public static GradeResult Invalid(string error) => new(0, false, "", Error: error);
}

/// <summary>Parts of an answer: <paramref name="Right"/> of <paramref name="Of"/> right, and for a
/// multiple-select question the <paramref name="Wrong"/> options picked as well.</summary>
public readonly record struct PartCredit(int Right, int Of, int Wrong = 0);
