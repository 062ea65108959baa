using System.Text.RegularExpressions;

namespace Cl37.Bot.Calculators;

/// <summary>A metric as <c>kubectl</c> users write it: a plain number (<c>1.5</c>), a percentage
/// (<c>80%</c>, an averageUtilization) or a resource quantity with a suffix (<c>200m</c> CPU,
/// <c>512Mi</c> memory, <c>1k</c>, <c>1e3</c>).</summary>
public static partial class KubernetesQuantity
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>Reads a quantity; <paramref name="unit"/> is "%" for a percentage, the suffix for a
    /// resource quantity, "" for a plain number. On failure <paramref name="problem"/> says why, in words
    /// that fit after the argument's name.</summary>
    public static bool TryParse(string? text, out decimal value, out string unit, out string problem)
    {
        value = 0;
        unit = "";
        problem = "";
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            problem = "is missing";
            return false;
        }
        var m = Quantity().Match(t);
        if (!m.Success)
        {
            // NaN, ∞ and 1e400 get the plain number's own words; anything else, the quantity forms.
            if (CalcText.TryNumber(t, out value, out problem))
                return true;
            if (problem.StartsWith("must be a number", StringComparison.Ordinal))
                problem = $"must be a number or a Kubernetes quantity such as 200m, 80% or 1.5, not `{CalcText.Shorten(t)}`";
            return false;
        }
        if (!CalcText.TryNumber(m.Groups["num"].Value + m.Groups["exp"].Value, out var number, out problem))
            return false;
        unit = m.Groups["suffix"].Value;
        if (unit is "" or "%")
        {
            value = number;
            return true;
        }
        try
        {
            value = number * Suffixes[unit];
        }
        catch (OverflowException)
        {
            problem = $"is absurdly large (`{CalcText.Shorten(t)}`; at most {CalcText.Format(CalcText.Huge)})";
            return false;
        }
        if (Math.Abs(value) > CalcText.Huge)
        {
            problem = $"is absurdly large (`{CalcText.Shorten(t)}`; at most {CalcText.Format(CalcText.Huge)})";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+))(?<exp>[eE][-+]?\d+)?\s*(?<suffix>%|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();
}
