namespace Cl37.Bot.Quiz.Grading;

/// <summary>The grade of one answer.</summary>
/// <param name="Points">0 to 10 (MSQ partial credit may be fractional).</param>
/// <param name="Recorded">The answer as it is stored and shown back (<c>A, C</c>, <c>745 MB</c>, <c>Pod</c>).</param>
/// <param name="Description">One short sentence for the person, without the answer key.</param>
/// <param name="Error">Set when the input was malformed: nothing was graded and this says why.</param>
public sealed record GradeResult(double Points, bool IsCorrect, string Recorded, string Description, string? Error = null)
{
    public const double FullPoints = 10;

    public bool IsValid => Error is null;

    public static GradeResult Invalid(string error) => new(0, false, "", error, error);
}
