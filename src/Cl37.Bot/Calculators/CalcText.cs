using System.Globalization;

namespace Cl37.Bot.Calculators;

/// <summary>Reading numbers the way people type them and writing them the way the deck does (100,352).</summary>
internal static class CalcText
{
    /// <summary>Largest magnitude any calculator accepts; far beyond any real deployment.</summary>
    public const decimal Huge = 1_000_000_000_000m;

    private static readonly char[] ListSeparators = [',', ';', ' ', '\t', '\n', '\r'];

    public static string[] SplitList(string text) =>
        text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses an invariant-culture number; on failure returns why, in words that fit after the argument's name.</summary>
    public static bool TryNumber(string? text, out decimal value, out string problem)
    {
        value = 0;
        problem = "";
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            problem = "is missing";
            return false;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            problem = t.Contains('∞') ? "must be a finite number, not `∞`" : $"must be a number, not `{Shorten(t)}`";
            return false;
        }
        if (double.IsNaN(d) || (double.IsInfinity(d) && t.Contains("inf", StringComparison.OrdinalIgnoreCase)))
        {
            problem = $"must be a finite number, not `{Shorten(t)}`";
            return false;
        }
        if (double.IsInfinity(d) || Math.Abs(d) > (double)Huge)
        {
            problem = $"is absurdly large (`{Shorten(t)}`; at most {Format(Huge)})";
            return false;
        }
        // The decimal parse keeps what was typed exactly (0.1 stays 0.1); the double is only a fallback for exponents decimal rejects.
        value = decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact : (decimal)d;
        return true;
    }

    /// <summary>Parses a whole number; a fraction such as 1.5 is refused rather than rounded.</summary>
    public static bool TryWhole(string? text, out long value, out string problem)
    {
        value = 0;
        if (!TryNumber(text, out var d, out problem))
            return false;
        if (d != decimal.Truncate(d))
        {
            problem = $"must be a whole number, not `{Shorten(text!.Trim())}`";
            return false;
        }
        value = (long)d;
        return true;
    }

    /// <summary>Up to 4 decimals as the deck shows them; a tiny non-zero value keeps its digits rather than reading as 0.</summary>
    public static string Format(decimal value) =>
        value != 0 && Math.Abs(value) < 0.0001m
            ? value.ToString(CultureInfo.InvariantCulture)
            : value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static bool IsShownExactly(decimal value) => decimal.Round(value, 4) == value;

    /// <summary>"= 1.5", or "≈ 1.6667" when the value had to be rounded for display.</summary>
    public static string Eq(decimal value) => (IsShownExactly(value) ? "= " : "≈ ") + Format(value);

    /// <summary>A value as the deck writes it, marked ≈ when it had to be rounded for display.</summary>
    public static string Approx(decimal value) =>
        IsShownExactly(value) ? Format(value) : "≈ " + Format(value);

    public static string Shorten(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
