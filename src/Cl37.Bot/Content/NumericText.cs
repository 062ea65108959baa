using System.Globalization;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

/// <summary>Numbers as decks and people write them: thousands separators, units, named parts.</summary>
public static partial class NumericText
{
    /// <summary>Reads a deck's numerical answer (<c>Parallel = 30 seconds, Sequential = 90 seconds</c>,
    /// <c>110,592 weight parameters</c>) into the expected parts; empty when it holds no number.
    /// A part is as precise as it is written (<see cref="WrittenTolerance"/>) unless the deck states a
    /// tolerance after it: <c>99.8% ± 0.1</c>, <c>99.8% (+/- 0.1)</c>, in the part's own unit.</summary>
    public static IReadOnlyList<NumericPart> ParseExpected(string answer)
    {
        var text = Parenthetical().Replace(StatedToleranceInParentheses().Replace(answer, " ±${tol}"), " ");
        var named = NamedNumber().Matches(text);
        if (named.Count > 0)
        {
            return named.Select(m => Part(m.Groups["name"].Value.Trim(), m.Groups["num"].Value, UnitOf(m.Groups["unit"].Value), m.Groups["tol"].Value)).OfType<NumericPart>().ToList();
        }
        var first = NumberWithUnit().Match(text);
        return first.Success && Part(null, first.Groups["num"].Value, UnitOf(first.Groups["unit"].Value), first.Groups["tol"].Value) is { } part ? [part] : [];
    }

    /// <summary>Half a unit in the last written digit: 99.8 → 0.05, 0.5 → 0.05, 1.25 → 0.005,
    /// 110,592 → 0 (whole numbers are exact). A key rounded to one decimal accepts every answer that
    /// rounds to it, and nothing the key's author would have written differently.</summary>
    public static double WrittenTolerance(string number)
    {
        var t = number.Trim().TrimStart('+', '-');
        var exponent = 0;
        var e = t.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(t[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                return 0;
            t = t[..e];
        }
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return 0;
        var decimals = t.Length - dot - 1;
        return 0.5 * Math.Pow(10, exponent - decimals);
    }

    /// <summary>Parses one number written with optional thousands separators (<c>110,592</c>).</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Formats a value the way the deck writes it (invariant, no exponent for ordinary sizes).</summary>
    public static string Format(double value) =>
        Math.Abs(value) is >= 1e-4 and < 1e15 or 0 ? value.ToString("0.#########", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Every number in a text (index and length of the number itself) with the word right after it (a unit, perhaps).</summary>
    public static IReadOnlyList<(int Index, int Length, double Value, string? Unit)> Numbers(string text)
    {
        var list = new List<(int, int, double, string?)>();
        foreach (Match m in NumberWithWord().Matches(text))
        {
            if (TryParseNumber(m.Groups["num"].Value, out var v))
                list.Add((m.Groups["num"].Index, m.Groups["num"].Length, v, m.Groups["unit"].Success ? m.Groups["unit"].Value : null));
        }
        return list;
    }

    internal static string RemoveParentheticals(string text) => Parenthetical().Replace(text, " ");

    private static string? UnitOf(string unit) => string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();

    private static NumericPart? Part(string? name, string number, string? unit, string stated)
    {
        if (!TryParseNumber(number, out var value))
            return null;
        var tolerance = stated.Length > 0 && TryParseNumber(stated, out var given) ? Math.Abs(given) : WrittenTolerance(number);
        return new NumericPart(string.IsNullOrEmpty(name) ? null : name, value, unit, tolerance, 0);
    }

    private const string Number = @"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+";

    private const string Stated = @"(?:\s*(?:±|\+/-|\+-)\s*(?<tol>" + Number + @")(?:\s*[A-Za-z%]+)?)?";

    [GeneratedRegex(@"\(\s*(?:±|\+/-|\+-)\s*(?<tol>[^()]*)\)")]
    private static partial Regex StatedToleranceInParentheses();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?<name>[A-Za-z][A-Za-z _-]{0,40}?)\s*[=:]\s*(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%]+))?" + Stated)]
    private static partial Regex NamedNumber();

    [GeneratedRegex(@"(?<![\w.])(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%][A-Za-z ]*[A-Za-z]|[A-Za-z%]))?" + Stated)]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"(?<![\w.])(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%]+))?")]
    private static partial Regex NumberWithWord();
}
