using System.Text;
using System.Text.RegularExpressions;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Text;

namespace Cl37.Bot.Quiz.Grading;

/// <summary>Grades questions whose file weighs each answer, by Moodle's rule: a choice question earns
/// the sum of the fractions of the options picked, never below zero and never above full marks; a
/// numerical or short-answer question earns the fraction of the first answer, in file order, that the
/// response matches. Pure, like <see cref="Grader"/>.</summary>
internal static partial class WeightedGrader
{
    public static GradeResult Grade(Question q, IReadOnlyList<WeightedAnswer> weights, IReadOnlyList<string> values, string text) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleSelect => Choice(q, weights, values),
        QuestionKind.Numerical => Numerical(q, weights, text),
        _ => ShortAnswer(q, weights, text),
    };

    /// <summary>A fraction of the question (−∞ to ∞) as points, clamped to 0 … full marks.</summary>
    internal static double Points(double fraction) => Math.Round(GradeResult.FullPoints * Math.Clamp(fraction, 0, 1), 2);

    // Moodle writes thirds as 33.33333%: three of them are full marks.
    private static bool IsFull(double fraction) => fraction >= 1 - 1e-6;

    private static GradeResult Choice(Question q, IReadOnlyList<WeightedAnswer> weights, IReadOnlyList<string> values)
    {
        var single = Grader.Grade(q with { Weights = null }, values);
        if (!single.IsValid)
            return single;
        var keys = single.Recorded.Split(", ");
        var fraction = keys.Sum(k => weights.FirstOrDefault(w => w.Answer == k)?.Fraction ?? 0);
        if (q.Kind == QuestionKind.SingleChoice)
            return new GradeResult(Points(fraction), IsFull(fraction), single.Recorded);
        var credited = weights.Where(w => w.Fraction > 0).Select(w => w.Answer).ToList();
        var right = keys.Count(credited.Contains);
        return new GradeResult(Points(fraction), IsFull(fraction), single.Recorded, new PartCredit(right, credited.Count, keys.Length - right));
    }

    private static GradeResult Numerical(Question q, IReadOnlyList<WeightedAnswer> weights, string text)
    {
        var unitHint = q.Units.Count > 0 ? " " + q.Units[0].Name : "";
        if (text.Length == 0)
            return GradeResult.Invalid($"Type a number, like `42{unitHint}`.");
        var numbers = NumericText.Numbers(text);
        if (numbers.Count == 0)
            return GradeResult.Invalid($"`{Shorten(text)}` has no number in it; type something like `42{unitHint}`.");
        if (numbers.Count > 1)
            return GradeResult.Invalid($"Give one number, not {numbers.Count} (`{Shorten(text)}`).");
        var (_, _, value, unit) = numbers[0];
        if (unit is not null && q.Units.Count > 0)
        {
            var known = q.Units.FirstOrDefault(u => string.Equals(u.Name, unit, StringComparison.Ordinal))
                ?? q.Units.FirstOrDefault(u => string.Equals(u.Name, unit, StringComparison.OrdinalIgnoreCase));
            if (known is null)
                return GradeResult.Invalid($"`{Shorten(unit)}` is not a unit this answer takes; use {string.Join(" or ", q.Units.Select(u => u.Name))}.");
            value /= known.Multiplier;
        }
        var match = weights.FirstOrDefault(w => w.Number is { } n && Math.Abs(value - n.Value) <= n.AbsoluteTolerance + 1e-9 * Math.Max(1, Math.Abs(n.Value)));
        var fraction = match?.Fraction ?? 0;
        return new GradeResult(Points(fraction), IsFull(fraction), NumericText.Format(value) + unitHint);
    }

    private static GradeResult ShortAnswer(Question q, IReadOnlyList<WeightedAnswer> weights, string text)
    {
        if (text.Length == 0)
            return GradeResult.Invalid("Type your answer for the blank.");
        var typed = text.Trim();
        var match = weights.FirstOrDefault(w => Matches(typed, w.Answer, q.CaseSensitive));
        var fraction = match?.Fraction ?? 0;
        var recorded = DisplayNames.CleanAnswer(Spaces().Replace(typed, " "), Grader.MaxInputLength);
        if (recorded.Length == 0)
            return GradeResult.Invalid("Type your answer for the blank in plain letters and digits.");
        return new GradeResult(Points(fraction), IsFull(fraction), recorded);
    }

    /// <summary>Moodle's short-answer comparison: the whole response against the pattern, <c>*</c>
    /// matching any run of characters (<c>\*</c> a literal star), case ignored unless the question says otherwise.</summary>
    internal static bool Matches(string response, string pattern, bool caseSensitive)
    {
        var regex = new StringBuilder("^");
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                literal.Append('*');
                i++;
            }
            else if (pattern[i] == '*')
            {
                regex.Append(Regex.Escape(literal.ToString())).Append(".*");
                literal.Clear();
            }
            else
            {
                literal.Append(pattern[i]);
            }
        }
        regex.Append(Regex.Escape(literal.ToString())).Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        return Regex.IsMatch(response.Trim(), regex.ToString(), options, TimeSpan.FromMilliseconds(100));
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
