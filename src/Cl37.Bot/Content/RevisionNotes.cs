using System.Text;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

/// <summary>Turns revision Markdown into short chat lines: table rows, list items with their
/// continuation lines, formula lines. Chat apps render neither tables nor nested lists well.</summary>
public static partial class RevisionNotes
{
    /// <summary>Discord allows 2,000 characters a message; the rest is room for a platform's framing.</summary>
    public const int MaxReplyLength = 1800;

    /// <summary>The items of a section, each one line of light Markdown.</summary>
    public static IReadOnlyList<string> Items(RevisionSection section)
    {
        var items = new List<string>();
        var inFence = false;
        var headerSeen = false;
        foreach (var raw in section.Markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            var t = line.Trim();
            if (t.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (t.Length == 0)
                continue;
            if (inFence)
            {
                // A decoration in front of a formula (📌) stays outside the code span.
                var formula = DeckParser.StripDecoration(t);
                if (formula.Length == 0)
                    continue;
                var mark = t[..^formula.Length].Trim();
                items.Add((mark.Length > 0 ? mark + " " : "") + "`" + formula.Replace("`", "'", StringComparison.Ordinal) + "`");
                continue;
            }
            if (t.StartsWith('|'))
            {
                var cells = t.Trim('|').Split('|').Select(c => c.Trim()).ToList();
                if (cells.All(c => c.Length == 0 || TableRule().IsMatch(c)))
                    continue;
                if (!headerSeen)
                {
                    headerSeen = true;
                    continue;
                }
                items.Add("• **" + cells[0] + "**" + (cells.Count > 1 ? ": " + string.Join(" — ", cells.Skip(1).Where(c => c.Length > 0)) : ""));
                continue;
            }
            var continuation = char.IsWhiteSpace(line[0]) && items.Count > 0;
            var text = ListMarker().Replace(t, "");
            if (continuation)
                items[^1] += (text.StartsWith("**Correct", StringComparison.Ordinal) ? " → " : items[^1].EndsWith(':') ? " " : items[^1].EndsWith("**", StringComparison.Ordinal) ? ": " : "; ") + text;
            else
                items.Add("• " + text);
        }
        return items;
    }

    /// <summary>Joins blocks into one reply of at most <see cref="MaxReplyLength"/> characters, cutting
    /// between lines and saying how many lines were left out.</summary>
    public static string Fit(IEnumerable<string> blocks, string? moreHint = null)
    {
        var sb = new StringBuilder();
        var left = 0;
        foreach (var line in blocks.SelectMany(b => b.Split('\n').Append("")))
        {
            var room = MaxReplyLength - 80;
            if (left > 0 || sb.Length + line.Length + 1 > room)
            {
                if (line.Trim().Length > 0)
                    left++;
                continue;
            }
            sb.Append(line).Append('\n');
        }
        var text = sb.ToString().TrimEnd();
        if (left > 0)
            text += $"\n… {left} more line{(left == 1 ? "" : "s")} not shown.{(moreHint is null ? "" : " " + moreHint)}";
        return text;
    }

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();
}
