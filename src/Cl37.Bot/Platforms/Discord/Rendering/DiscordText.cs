using System.Text;

namespace Cl37.Bot.Platforms.Discord.Rendering;

/// <summary>Text rules of Discord messages: escaping untrusted text so it shows literally, and
/// splitting long text into messages of at most 2,000 characters (DAD resources/message.mdx
/// "Create Message": content is limited to 2,000 characters).</summary>
internal static class DiscordText
{
    private const string Fence = "```";
    private const string CloseFence = "\n" + Fence;

    /// <summary>Escapes every character Discord's Markdown reads as formatting (bold, italics,
    /// underline, strike, spoiler, code, quote, heading, masked link, and the <c>&lt;…&gt;</c> of
    /// timestamps, channels and emoji). A backslash before ASCII punctuation is shown as the
    /// character itself, so escaping too much is harmless.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '<' or '#' or '[' or ']' or '(' or ')' or '-')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Escapes each run of two or more underscores outside code, so a fill-in blank
    /// (<c>_______</c>) shows as a line instead of turning the text after it into underlined text
    /// (<c>__text__</c> is underline in Discord's Markdown). Code spans and blocks show backslashes
    /// literally, so they are left as they are.</summary>
    public static string EscapeBlanks(string text)
    {
        if (!text.Contains("__", StringComparison.Ordinal))
            return text;
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '`')
            {
                var ticks = 1;
                while (i + ticks < text.Length && text[i + ticks] == '`')
                    ticks++;
                var close = text.IndexOf(new string('`', ticks), i + ticks, StringComparison.Ordinal);
                var end = close < 0 ? i + ticks : close + ticks;
                sb.Append(text, i, end - i);
                i = end;
                continue;
            }
            if (text[i] == '_' && i + 1 < text.Length && text[i + 1] == '_')
            {
                while (i < text.Length && text[i] == '_')
                {
                    sb.Append("\\_");
                    i++;
                }
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Splits text into parts of at most <paramref name="max"/> characters, preferring a
    /// paragraph break, then a line break, then a space; a code block that spans a cut is closed at
    /// the end of one part and reopened (with its language) at the start of the next. Nothing is
    /// dropped and no surrogate pair is split.</summary>
    public static List<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var reopen = "";
        var rest = text;
        while (reopen.Length + rest.Length > max)
        {
            var budget = max - reopen.Length - CloseFence.Length;
            var cut = Cut(rest, budget);
            var piece = reopen + rest[..cut].TrimEnd('\n', ' ');
            rest = rest[cut..].TrimStart('\n', ' ');
            if (OpenFence(piece) is { } language)
            {
                piece += CloseFence;
                reopen = Fence + language + "\n";
            }
            else
            {
                reopen = "";
            }
            if (piece.Length > 0)
                parts.Add(piece);
        }
        if (rest.Length > 0 || parts.Count == 0)
            parts.Add(reopen + rest);
        return parts;
    }

    private static int Cut(string text, int budget)
    {
        var floor = budget / 2;
        var paragraph = text.LastIndexOf("\n\n", budget - 1, budget, StringComparison.Ordinal);
        if (paragraph >= floor)
            return paragraph;
        var line = text.LastIndexOf('\n', budget - 1, budget);
        if (line >= floor)
            return line;
        var space = text.LastIndexOf(' ', budget - 1, budget);
        if (space >= floor)
            return space;
        return char.IsHighSurrogate(text[budget - 1]) ? budget - 1 : budget;
    }

    /// <summary>The language of the code block left open at the end of <paramref name="text"/>
    /// ("" for none given), or null when every block is closed.</summary>
    private static string? OpenFence(string text)
    {
        string? open = null;
        for (var i = text.IndexOf(Fence, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Fence, i + Fence.Length, StringComparison.Ordinal))
        {
            if (open is not null)
            {
                open = null;
                continue;
            }
            var end = text.IndexOf('\n', i + Fence.Length);
            var info = end < 0 ? "" : text[(i + Fence.Length)..end];
            open = info.Length <= 16 && info.All(char.IsAsciiLetterOrDigit) ? info : "";
        }
        return open;
    }
}
