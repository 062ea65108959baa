using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Messages;

/// <summary>Words <c>/quiz decks</c> and the question counts of a deck: "24 questions: 14 single
/// choice, 4 multiple select, 6 numerical; 2 skipped: matching at lines 40, 51".</summary>
public static class DeckListMessages
{
    /// <summary>The reply stays in one Discord message (2,000 characters) with room for the platform's framing.</summary>
    public const int MaxCharacters = 1_900;

    private const int MaxProblemsPerDeck = 3;

    public static OutgoingMessage Reply(DeckListing listing)
    {
        var lines = new List<string>();
        var total = listing.Decks.Sum(d => d.Total);
        lines.Add(listing.Decks.Count == 0
            ? "**Decks** — none: this group has no questions to ask yet."
            : $"**Decks** — {Count(listing.Decks.Count, "deck", "decks")}, {Count(total, "question", "questions")}");
        foreach (var deck in listing.Decks)
        {
            lines.Add(deck.Upload is { } upload
                ? $"- **{deck.Id}** ({DeckUploadMessages.Source(upload)}): {Counts(deck)}"
                : $"- **{deck.Id}** (`{deck.File}`): {Counts(deck)}");
            foreach (var problem in deck.Problems.Take(MaxProblemsPerDeck))
                lines.Add($"  - ⚠️ `{problem.File}:{problem.Line}`: {problem.Message}");
            if (deck.Problems.Count > MaxProblemsPerDeck)
                lines.Add($"  - ⚠️ and {Count(deck.Problems.Count - MaxProblemsPerDeck, "more problem", "more problems")}");
        }
        if (listing.OtherProblems.Count > 0)
        {
            lines.Add("Files that gave no deck:");
            foreach (var problem in listing.OtherProblems.Take(MaxProblemsPerDeck))
                lines.Add($"- ⚠️ `{problem.File}:{problem.Line}`: {problem.Message}");
            if (listing.OtherProblems.Count > MaxProblemsPerDeck)
                lines.Add($"- ⚠️ and {Count(listing.OtherProblems.Count - MaxProblemsPerDeck, "more problem", "more problems")}");
        }
        return OutgoingMessage.PrivateText(Fit(lines));
    }

    /// <summary>"24 questions: 14 single choice, 4 multiple select, 6 numerical; 2 skipped: matching at lines 40, 51".</summary>
    public static string Counts(DeckSummary deck)
    {
        var text = new StringBuilder(Count(deck.Total, "question", "questions"));
        var kinds = deck.Kinds.Where(k => k.Value > 0).Select(k => $"{k.Value} {KindName(k.Key)}").ToList();
        if (kinds.Count > 0)
            text.Append(": ").AppendJoin(", ", kinds);
        if (deck.Skipped.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {deck.Skipped.Count} skipped: ");
            text.AppendJoin(", ", deck.Skipped.GroupBy(s => s.Type).Select(g =>
                $"{g.Key} at {(g.Count() == 1 ? "line" : "lines")} {string.Join(", ", g.Select(s => s.Line))}"));
        }
        return text.ToString();
    }

    private static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single choice",
        QuestionKind.MultipleSelect => "multiple select",
        QuestionKind.Numerical => "numerical",
        _ => "fill-in",
    };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Fit(List<string> lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (text.Length + lines[i].Length + 1 > MaxCharacters - 120)
            {
                text.Append(CultureInfo.InvariantCulture, $"… and {lines.Count - i} more lines; `deck check` on the server lists everything.");
                break;
            }
            text.Append(lines[i]).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
