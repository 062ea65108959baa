using System.Text;

namespace Cl37.Bot.Chat;

/// <summary>Untrusted text (a typed answer, a competition name) placed into a message's light
/// Markdown so that it shows literally on every platform.</summary>
public static class MarkdownText
{
    /// <summary>Backslash-escapes every character the platforms' Markdown reads as formatting
    /// inside a line (bold, italics, underline, strike, spoiler, code, link, and Discord's
    /// <c>&lt;t:…&gt;</c> tags). A backslash before ASCII punctuation shows the character itself
    /// (CommonMark "Backslash escapes"). Characters that format only at the start of a line
    /// (<c>-</c>, <c>#</c>, <c>&gt;</c>) are left alone: the text is always placed after other words.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '<' or '[' or ']')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
