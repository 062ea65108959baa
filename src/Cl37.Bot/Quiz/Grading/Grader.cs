using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz.Grading;

public static class Grader
{
    public static GradeResult Grade(Question q, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return GradeResult.Invalid("Pick an answer.");
        var picked = string.Join(", ", values.Select(v => v.Trim().ToUpperInvariant()).Order());
        if (q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect)
        {
            var ok = picked == string.Join(", ", q.CorrectKeys.Order());
            return new GradeResult(ok ? 10 : 0, ok, picked, ok ? "" : "Not this time.");
        }
        var okText = q.AcceptedAnswers.Any(a => string.Equals(a, values[0].Trim(), StringComparison.OrdinalIgnoreCase)) || q.NumericParts.Any(p => double.TryParse(values[0], out var d) && d == p.Value);
        return new GradeResult(okText ? 10 : 0, okText, values[0].Trim(), "");
    }
}
