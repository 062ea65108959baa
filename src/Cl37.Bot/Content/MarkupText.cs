using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

/// <summary>Question text from imported files turned into the light Markdown every platform renders
/// in its own manner (<c>**bold**</c>, <c>_italic_</c>, <c>`code`</c>, lists, links); a picture
/// becomes a <c>[picture: name]</c> note where it stood.</summary>
public static partial class MarkupText
{
    /// <summary>True when the text holds HTML tags.</summary>
    public static bool LooksLikeHtml(string text) => HtmlTag().IsMatch(text);

    /// <summary>HTML to light Markdown; the names of the pictures it had are added to <paramref name="pictures"/>.</summary>
    public static string FromHtml(string html, ICollection<string> pictures)
    {
        var sb = new StringBuilder(html.Length);
        var pre = 0;
        string? linkHref = null;
        var linkStart = 0;
        var at = 0;
        foreach (Match m in Tag().Matches(html))
        {
            AppendText(sb, html[at..m.Index], pre > 0);
            at = m.Index + m.Length;
            var closing = m.Groups["close"].Success && m.Groups["close"].Length > 0;
            var name = m.Groups["name"].Value.ToLowerInvariant();
            var attrs = m.Groups["attrs"].Value;
            switch (name)
            {
                case "b" or "strong":
                    sb.Append("**");
                    break;
                case "i" or "em":
                    sb.Append('_');
                    break;
                case "code" or "tt" or "kbd" when pre == 0:
                    sb.Append('`');
                    break;
                case "pre":
                    pre += closing ? -1 : 1;
                    Break(sb, 2);
                    sb.Append("```");
                    Break(sb, closing ? 2 : 1);
                    break;
                case "br":
                    Break(sb, 1, force: true);
                    break;
                case "p" or "div" or "table" or "blockquote" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    if (name[0] == 'h' && name.Length == 2)
                    {
                        if (closing)
                            sb.Append("**");
                        Break(sb, 2);
                        if (!closing)
                            sb.Append("**");
                    }
                    else
                    {
                        Break(sb, name is "ul" or "ol" && !closing ? 1 : 2);
                    }
                    break;
                case "li" when !closing:
                    Break(sb, 1);
                    sb.Append("- ");
                    break;
                case "tr" when closing:
                    Break(sb, 1);
                    break;
                case "td" or "th" when closing:
                    sb.Append(" | ");
                    break;
                case "a" when !closing:
                    linkHref = Attribute(attrs, "href");
                    linkStart = sb.Length;
                    break;
                case "a" when linkHref is not null:
                    var label = sb.ToString(linkStart, sb.Length - linkStart);
                    if (linkHref.StartsWith("http", StringComparison.OrdinalIgnoreCase) && label.Trim() != linkHref)
                        sb.Remove(linkStart, label.Length).Append('[').Append(label.Trim()).Append("](").Append(linkHref).Append(')');
                    linkHref = null;
                    break;
                case "img":
                    var src = Attribute(attrs, "src") ?? "";
                    var picture = PictureName(src, Attribute(attrs, "alt"));
                    pictures.Add(picture);
                    sb.Append("[picture: ").Append(picture).Append(']');
                    break;
                case "script" or "style" when !closing:
                    var end = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase);
                    at = end < 0 ? html.Length : end;
                    break;
            }
        }
        AppendText(sb, html[at..], pre > 0);
        return Tidy(sb.ToString());
    }

    /// <summary>The name a picture is known by: the file name of its source (<c>@@PLUGINFILE@@/graph.png</c>
    /// → graph.png), else its alt text.</summary>
    internal static string PictureName(string src, string? alt)
    {
        var path = src.Split('?', '#')[0];
        var name = path.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? "" : Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return name.Length > 0 ? name : alt is { Length: > 0 } ? alt : "image";
    }

    private static void AppendText(StringBuilder sb, string text, bool pre)
    {
        if (text.Length == 0)
            return;
        var decoded = WebUtility.HtmlDecode(text);
        if (pre)
        {
            sb.Append(decoded);
            return;
        }
        // HTML collapses runs of white space, line breaks included, to one space.
        var collapsed = Whitespace().Replace(decoded, " ");
        if (sb.Length == 0 || sb[^1] == '\n')
            collapsed = collapsed.TrimStart();
        sb.Append(collapsed);
    }

    private static void Break(StringBuilder sb, int lines, bool force = false)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
            sb.Length--;
        if (sb.Length == 0)
            return;
        var have = 0;
        for (var i = sb.Length - 1; i >= 0 && sb[i] == '\n'; i--)
            have++;
        if (force)
        {
            sb.Append('\n');
            return;
        }
        for (; have < lines; have++)
            sb.Append('\n');
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static string? Attribute(string attrs, string name)
    {
        var m = Regex.Match(attrs, @"\b" + name + @"\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase);
        return m.Success ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"<(?<close>/?)(?<name>[A-Za-z][A-Za-z0-9]*)(?<attrs>[^>]*)>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
}
