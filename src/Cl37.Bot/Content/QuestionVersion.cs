using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Cl37.Bot.Content;

/// <summary>A question's version: a hash of everything that decides how an answer is graded (kind,
/// options, keys, expected numbers with their tolerances and units, accepted texts, weights). Fixing a
/// key or a tolerance makes a new version of the same question; rewording the explanation does not.</summary>
public static class QuestionVersion
{
    public const int Length = 12;

    // Keyed by the instance: a deck reload or a `with` makes a new Question, and so a new entry.
    private static readonly ConditionalWeakTable<Question, string> Known = new();

    /// <summary>The version, worked out once per question instance (every answer stores it).</summary>
    public static string Of(Question q) => Known.GetValue(q, Compute);

    private static string Compute(Question q)
    {
        var sb = new StringBuilder();
        sb.Append(q.Kind).Append('\n');
        foreach (var o in q.Options)
            sb.Append("o ").Append(o.Key).Append(' ').Append(o.Text).Append('\n');
        sb.Append("k ").AppendJoin(',', q.CorrectKeys).Append('\n');
        foreach (var n in q.NumericParts)
            Number(sb.Append("n "), n).Append('\n');
        foreach (var a in q.AcceptedAnswers)
            sb.Append("a ").Append(a).Append('\n');
        foreach (var w in q.Weights ?? [])
        {
            sb.Append("w ").Append(w.Answer).Append(' ').Append(w.Fraction.ToString("R", CultureInfo.InvariantCulture));
            if (w.Number is { } n)
                Number(sb.Append(' '), n);
            sb.Append('\n');
        }
        foreach (var u in q.Units)
            sb.Append("u ").Append(u.Name).Append(' ').Append(u.Multiplier.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("c ").Append(q.CaseSensitive ? '1' : '0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..Length];
    }

    private static StringBuilder Number(StringBuilder sb, NumericPart n) => sb
        .Append(n.Name).Append('|').Append(n.Value.ToString("R", CultureInfo.InvariantCulture)).Append('|').Append(n.Unit)
        .Append('|').Append(n.AbsoluteTolerance.ToString("R", CultureInfo.InvariantCulture))
        .Append('|').Append(n.RelativeTolerance.ToString("R", CultureInfo.InvariantCulture));
}
