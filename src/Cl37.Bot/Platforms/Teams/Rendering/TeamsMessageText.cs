using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Rendering;

/// <summary>Text in and out of Teams. In: the command a person typed, with the bot's @mention
/// removed the way botbuilder does it (ActivityExtensions.RemoveRecipientMention) and other mentions
/// reduced to their names (NormalizeMentionsMiddleware). Out: the core's light Markdown in the form
/// Teams renders.</summary>
internal static partial class TeamsMessageText
{
    /// <summary>The core's text (one line per line, lists as "- " or "1. ") as Teams Markdown.
    /// msteams cards-format.md: "\r or \n escape sequences for newlines in lists"; outside a list a
    /// single line break is a space there (as in CommonMark), so lines become paragraphs. Message
    /// text and card TextBlocks follow the same rule.</summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var sb = new StringBuilder(text.Length + 32);
        string? previous = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (previous is not null)
                    previous = "";
                continue;
            }
            if (previous is not null)
                sb.Append(previous.Length > 0 && IsListItem(previous) && IsListItem(line) ? "\n" : "\n\n");
            // Teams Markdown knows "-" and "*" lists, not "•": such lines would run into one paragraph.
            line = Bullet().Replace(line, "$1- ");
            sb.Append(CodeSpan().Replace(line, m => m.Value.Replace('<', '‹').Replace('>', '›')));
            previous = line;
        }
        return sb.ToString();
    }

    private static bool IsListItem(string line) => ListItem().IsMatch(line);

    /// <summary>Whether the message @mentions the bot: a mention entity naming the recipient, or its
    /// name in an &lt;at&gt; tag where a client sent no entity.</summary>
    public static bool MentionsBot(Activity activity) =>
        (activity.Recipient?.Id is { } botId
            && (activity.Entities ?? []).Any(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)))
        || (activity.Recipient?.Name is { Length: > 0 } name && activity.Text is { } text
            && text.Contains($"<at>{name}</at>", StringComparison.OrdinalIgnoreCase));

    public static string CommandText(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
                continue;
            var mention = entity.Text ?? (entity.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(mention))
                text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
        }
        text = AtTag().Replace(text, "$1");
        // Teams may send the text as HTML ("<p>quiz now</p>", textFormat xml): the tags are markup, not words.
        text = HtmlTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(\s*)•\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,3}[.)])\s", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex ListItem();

    // Teams shows '<' and '>' inside a code span as "&lt;" and "&gt;" (a help line read
    // "/help &lt;command&gt;"), so a placeholder's brackets become the look-alike ‹ and ›.
    [GeneratedRegex("`[^`]*`", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex CodeSpan();
}
