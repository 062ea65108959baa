using System.Text;
using System.Text.RegularExpressions;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Text;

namespace Cl37.Bot.Quiz.Grading;

/// <summary>Grades one answer to one question. Pure: no clock, no storage.</summary>
public static partial class Grader
{
    public const int MaxInputLength = 200;

    /// <summary>One sentence saying what is wrong with the input, or null when it can be graded.</summary>
    public static string? ValidateInput(Question question, IReadOnlyList<string> values) => Grade(question, values).Error;

    /// <summary>Grades the values a person gave: option keys for choice questions, the typed text
    /// otherwise. Questions whose file weighs the answers are graded by <see cref="WeightedGrader"/>.</summary>
    public static GradeResult Grade(Question question, IReadOnlyList<string> values)
    {
        var text = string.Join(", ", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()));
        if (text.Length > MaxInputLength)
            return GradeResult.Invalid($"That answer is too long ({text.Length} characters; at most {MaxInputLength}).");
        // Where the question's file weighs its answers, credit is what the file says, not our own rule.
        if (question.Weights is { } weights)
            return WeightedGrader.Grade(question, weights, values, text);
        return question.Kind switch
        {
            QuestionKind.SingleChoice => SingleChoice(question, values),
            QuestionKind.MultipleSelect => MultipleSelect(question, values),
            QuestionKind.Numerical => Numerical(question, text),
            _ => FillIn(question, text),
        };
    }

    private static GradeResult SingleChoice(Question q, IReadOnlyList<string> values)
    {
        var keys = Keys(values);
        var keyList = KeyList(q);
        if (keys.Count == 0)
            return GradeResult.Invalid($"Pick one option: {keyList}.");
        if (keys.Count > 1)
            return GradeResult.Invalid($"Pick exactly one option ({keyList}), not {string.Join(", ", keys)}.");
        if (Unknown(q, keys) is { } unknown)
            return unknown;
        var right = q.CorrectKeys.Contains(keys[0]);
        return new GradeResult(right ? GradeResult.FullPoints : 0, right, keys[0]);
    }

    private static GradeResult MultipleSelect(Question q, IReadOnlyList<string> values)
    {
        var keys = Keys(values);
        if (keys.Count == 0)
            return GradeResult.Invalid($"Pick at least one option: {KeyList(q)}.");
        if (Unknown(q, keys) is { } unknown)
            return unknown;
        keys.Sort(StringComparer.Ordinal);
        var right = keys.Count(q.CorrectKeys.Contains);
        var wrong = keys.Count - right;
        var total = q.CorrectKeys.Count;
        var points = Math.Round(GradeResult.FullPoints * Math.Max(0, right - wrong) / Math.Max(1, total), 2);
        var correct = right == total && wrong == 0;
        return new GradeResult(points, correct, string.Join(", ", keys), new PartCredit(right, total, wrong));
    }

    private static GradeResult Numerical(Question q, string text)
    {
        var parts = q.NumericParts;
        if (text.Length == 0)
            return GradeResult.Invalid($"Type a number{(parts.Count > 1 ? "s" : "")}, like {Example(parts)}.");
        var numbers = NumericText.Numbers(NumericText.RemoveParentheticals(text));
        if (numbers.Count == 0)
            return GradeResult.Invalid($"`{Shorten(text)}` has no number in it; type something like {Example(parts)}.");

        var given = new (double Value, string? Unit)?[parts.Count];
        if (parts.Count == 1)
        {
            if (numbers.Count > 1)
                return GradeResult.Invalid($"Give one number, not {numbers.Count} (`{Shorten(text)}`); for example {Example(parts)}.");
            given[0] = (numbers[0].Value, numbers[0].Unit);
        }
        else if (!ByName(parts, text, numbers, given))
        {
            if (numbers.Count != parts.Count)
                return GradeResult.Invalid($"Give {parts.Count} numbers, one each for {NameList(parts)}, like {Example(parts)}.");
            for (var i = 0; i < parts.Count; i++)
                given[i] = (numbers[i].Value, numbers[i].Unit);
        }

        var recorded = new List<string>();
        var rightCount = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var (value, unit) = given[i]!.Value;
            if (Convert(value, unit, part) is not { } converted)
                return GradeResult.Invalid($"`{unit}` can't be converted to {part.Unit ?? "a plain number"}; for example {Example(parts)}.");
            if (Within(converted, part))
                rightCount++;
            var shown = NumericText.Format(converted) + (part.Unit is null ? "" : " " + part.Unit);
            recorded.Add(part.Name is null ? shown : $"{part.Name} = {shown}");
        }
        var correct = rightCount == parts.Count;
        return new GradeResult(correct ? GradeResult.FullPoints : 0, correct, string.Join(", ", recorded),
            parts.Count > 1 ? new PartCredit(rightCount, parts.Count) : null);
    }

    private static GradeResult FillIn(Question q, string text)
    {
        if (text.Length == 0)
            return GradeResult.Invalid("Type your answer for the blank.");
        var typed = Normalize(text);
        if (typed.Length == 0)
            return GradeResult.Invalid($"`{Shorten(text)}` has no letters or digits in it; type the word for the blank.");
        IEnumerable<string> accepted = [.. q.AcceptedAnswers, q.AnswerText];
        var after = WordAfterBlank().Match(q.Prompt);
        var right = accepted.Any(a => Normalize(a) == typed || after.Success && Normalize(a + " " + after.Groups[1].Value) == typed);
        // The typed text is shown to the whole channel in the reveal: no hidden characters, no working mention.
        var recorded = DisplayNames.CleanAnswer(Spaces().Replace(text, " "), MaxInputLength);
        if (recorded.Length == 0)
            return GradeResult.Invalid("Type your answer for the blank in plain letters and digits.");
        return new GradeResult(right ? GradeResult.FullPoints : 0, right, recorded);
    }

    /// <summary>Case, spacing, hyphens, quotes and trailing punctuation do not matter.</summary>
    internal static string Normalize(string text)
    {
        var t = text.Trim().Trim('`', '"', '\'', '“', '”', '‘', '’').Trim().TrimEnd('.', ',', ';', ':', '!', '?').Trim();
        t = Article().Replace(t, "");
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '‐' or '–'))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static bool ByName(IReadOnlyList<NumericPart> parts, string text, IReadOnlyList<(int Index, int Length, double Value, string? Unit)> numbers, (double, string?)?[] given)
    {
        if (parts.Any(p => p.Name is null))
            return false;
        var previousEnd = 0;
        foreach (var n in numbers)
        {
            var before = text[previousEnd..n.Index];
            previousEnd = n.Index + n.Length;
            var matches = parts.Select((p, i) => (p, i)).Where(x => Regex.IsMatch(before, @"\b" + Regex.Escape(x.p.Name!) + @"\b", RegexOptions.IgnoreCase)).ToList();
            if (matches.Count != 1 || given[matches[0].i] is not null)
                return ClearAnd(given);
            var unit = n.Unit is not null && parts.Any(p => string.Equals(p.Name, n.Unit, StringComparison.OrdinalIgnoreCase)) ? null : n.Unit;
            given[matches[0].i] = (n.Value, unit);
        }
        return given.All(g => g is not null) || ClearAnd(given);
    }

    private static bool ClearAnd((double, string?)?[] given)
    {
        Array.Clear(given);
        return false;
    }

    private static double? Convert(double value, string? unit, NumericPart part)
    {
        var from = Units.Find(unit);
        if (from is null)
            return value;
        var to = Units.Find(part.Unit);
        if (to is null || to.Value.Dimension != from.Value.Dimension)
            return null;
        return value * from.Value.Factor / to.Value.Factor;
    }

    private static bool Within(double value, NumericPart part)
    {
        var tolerance = Math.Max(part.AbsoluteTolerance, part.RelativeTolerance * Math.Abs(part.Value));
        // Unit conversions (0.745 GB → 745 MB) leave floating-point dust; it must not fail an exact answer.
        var dust = 1e-9 * Math.Max(1, Math.Abs(part.Value));
        return Math.Abs(value - part.Value) <= tolerance + dust;
    }

    private static List<string> Keys(IReadOnlyList<string> values)
    {
        var keys = new List<string>();
        foreach (var v in values)
        {
            foreach (var token in KeySplit().Split(v))
            {
                var key = token.Trim().TrimEnd(')', '.').TrimStart('(').ToUpperInvariant();
                if (key.Length > 0 && !keys.Contains(key))
                    keys.Add(key);
            }
        }
        return keys;
    }

    private static GradeResult? Unknown(Question q, List<string> keys)
    {
        var unknown = keys.Where(k => !q.Options.Any(o => o.Key == k)).ToList();
        return unknown.Count == 0 ? null
            : GradeResult.Invalid($"{string.Join(", ", unknown.Select(u => "`" + Shorten(u) + "`"))} {(unknown.Count == 1 ? "is not an option" : "are not options")} here; choose from {KeyList(q)}.");
    }

    private static string KeyList(Question q) => string.Join(", ", q.Options.Select(o => o.Key));

    private static string NameList(IReadOnlyList<NumericPart> parts) =>
        string.Join(" and ", parts.Select((p, i) => p.Name ?? $"part {i + 1}"));

    private static string Example(IReadOnlyList<NumericPart> parts) =>
        parts.Count <= 1
            ? $"`42{(parts.FirstOrDefault()?.Unit is { } u ? " " + u : "")}`"
            : "`" + string.Join(", ", parts.Select((p, i) => $"{p.Name ?? "part " + (i + 1)} = {10 * (i + 1)}{(p.Unit is null ? "" : " " + p.Unit)}")) + "`";

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"[\s,;/&+]+")]
    private static partial Regex KeySplit();

    [GeneratedRegex(@"_{3,}\s+([A-Za-z]+)")]
    private static partial Regex WordAfterBlank();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();
}
