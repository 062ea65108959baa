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
        var sb = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var rune in name.EnumerateRunes())
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
            if (sb.Length >= MaxLength)
                break;
        }
        var clean = sb.ToString().Trim();
        return clean.Length == 0 ? "Someone" : clean;
    }
}
