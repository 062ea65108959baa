using System.Globalization;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

/// <summary>Numbers as decks and people write them: thousands separators, units, named parts.</summary>
public static partial class NumericText
{
    /// <summary>Reads a deck's numerical answer (<c>Parallel = 30 seconds, Sequential = 90 seconds</c>,
    /// <c>110,592 weight parameters</c>) into the expected parts; empty when it holds no number.</summary>
    public static IReadOnlyList<NumericPart> ParseExpected(string answer)
    {
        var text = Parenthetical().Replace(answer, " ");
        var named = NamedNumber().Matches(text);
        if (named.Count > 0)
        {
            return named.Select(m => Part(m.Groups["name"].Value.Trim(), m.Groups["num"].Value, UnitOf(m.Groups["unit"].Value))).OfType<NumericPart>().ToList();
        }
        var first = NumberWithUnit().Match(text);
        return first.Success && Part(null, first.Groups["num"].Value, UnitOf(first.Groups["unit"].Value)) is { } part ? [part] : [];
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

    private static NumericPart? Part(string? name, string number, string? unit)
    {
        if (!TryParseNumber(number, out var value))
            return null;
        var whole = !number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase);
        return new NumericPart(string.IsNullOrEmpty(name) ? null : name, value, unit, 0, whole ? 0 : 0.01);
    }

    private const string Number = @"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+";

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?<name>[A-Za-z][A-Za-z _-]{0,40}?)\s*[=:]\s*(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%]+))?")]
    private static partial Regex NamedNumber();

    [GeneratedRegex(@"(?<![\w.])(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%][A-Za-z ]*[A-Za-z]|[A-Za-z%]))?")]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"(?<![\w.])(?<num>" + Number + @")(?:\s*(?<unit>[A-Za-z%]+))?")]
    private static partial Regex NumberWithWord();
}
