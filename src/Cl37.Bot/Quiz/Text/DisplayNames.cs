using System.Globalization;
using System.Text;

namespace Cl37.Bot.Quiz.Text;

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

    /// <summary>A typed answer shown to others (the reveal): no control or bidirectional-override
    /// characters and no working mention, but otherwise as typed, since answers such as
    /// <c>@app.route</c> and <c>`Pod`</c> are legitimate; may return an empty string.</summary>
    public static string CleanAnswer(string text, int maxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsHidden(rune))
                Append(sb, rune);
            if (sb.Length >= maxLength)
                break;
        }
        return sb.Replace("<@", "<＠").ToString().Trim()
            .Replace("@everyone", "＠everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "＠here", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHidden(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static void Append(StringBuilder sb, Rune rune)
    {
        Span<char> utf16 = stackalloc char[2];
        sb.Append(utf16[..rune.EncodeToUtf16(utf16)]);
    }

    private static string Neutralise(string text, int maxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
                continue;
            // A full-width @ can never form a mention (@everyone, <@&role>) on any platform.
            if (rune.Value == '@')
                sb.Append('＠');
            else if (rune.Value == '`')
                continue;
            else
                Append(sb, rune);
            if (sb.Length >= maxLength)
                break;
        }
        return sb.ToString().Trim();
    }
}
