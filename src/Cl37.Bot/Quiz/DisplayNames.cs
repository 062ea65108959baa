using System.Globalization;
using System.Text;

namespace Cl37.Bot.Quiz;

/// <summary>Makes untrusted display names safe to store and show on every platform: no control or
/// bidirectional-override characters, no working mention syntax, at most 64 characters.</summary>
public static class DisplayNames
{
    public const int MaxLength = 64;

    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "Someone";
        var clean = Neutralise(name, MaxLength);
        return clean.Length == 0 ? "Someone" : clean;
    }

    /// <summary>The same rules for any untrusted text shown to others (a typed answer in a reveal),
    /// cut to <paramref name="maxLength"/> characters; may return an empty string.</summary>
    public static string Neutralise(string text, int maxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                continue;
            // A full-width @ can never form a mention (@everyone, <@&role>) on any platform.
            if (rune.Value == '@')
                sb.Append('＠');
            else if (rune.Value == '`')
                continue;
            else
                sb.Append(rune.ToString());
            if (sb.Length >= maxLength)
                break;
        }
        return sb.ToString().Trim();
    }
}
