using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Analysis;

namespace Cl37.Bot.Messages;

/// <summary>Words an item analysis report: a table card (every platform renders it; the playground
/// shows it in the command box's reply) or a CSV file for deck authors.</summary>
public static class ItemAnalysisMessages
{
    public static readonly IReadOnlyList<string> Columns = ["Question", "Asked", "Answers", "Facility", "Discrimination", "Options", "Flags"];

    public static OutgoingMessage Reply(ItemAnalysisReport report, bool csv)
    {
        if (report.KnownDecks is { } known)
            return OutgoingMessage.PrivateText($"There is no deck `{CommandTextParser.Shorten(report.DeckId ?? "")}`. Decks: {string.Join(", ", known)}.");
        var scope = report.DeckId is null ? "all decks" : $"deck {report.DeckId}";
        var title = $"Item analysis · {scope}";
        if (report.Rows.Count == 0)
            return OutgoingMessage.PrivateText($"**{title}**\nNo question of {scope} has been asked in this group yet.");
        if (csv)
        {
            var content = Csv(report);
            var fileName = $"item-analysis-{report.DeckId ?? "all"}.csv";
            return new OutgoingMessage($"**{title}** — CSV export\n```csv\n{content}```", new FileCard(fileName, "text/csv", content), Private: true);
        }
        var rows = report.Rows.Select(Cells).ToList();
        var footer = string.Create(CultureInfo.InvariantCulture,
            $"{report.People} people · facility = mean score · discrimination = correlation with the rest (Moodle's index, from {ItemAnalysis.MinAnswerersForDiscrimination} answerers; above 30 is good, below 0 look at the key) · ✓ marks keys");
        var table = new TableCard(title, Columns, rows, footer);
        var text = new StringBuilder("**").Append(title).Append("**\n");
        foreach (var row in rows)
            text.Append(row[0]).Append(" — asked ").Append(row[1]).Append(", ").Append(row[2]).Append(" answers, facility ").Append(row[3])
                .Append(", discrimination ").Append(row[4]).Append(row[5].Length > 0 ? ", options " + row[5] : "").Append(row[6].Length > 0 ? " — " + row[6] : "").Append('\n');
        text.Append(footer);
        return new OutgoingMessage(text.ToString(), table, Private: true);
    }

    public static string Csv(ItemAnalysisReport report)
    {
        var sb = new StringBuilder("question_id,kind,topic,times_asked,answers,facility_percent,discrimination_index,option_counts,flags\n");
        foreach (var row in report.Rows)
        {
            var s = row.Statistics;
            sb.Append(row.Question.Id).Append(',').Append(row.Question.Kind).Append(',').Append(Field(row.Question.Topic)).Append(',')
                .Append(s.TimesAsked.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Answers.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Facility?.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Discrimination?.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(string.Join(' ', row.Question.Options.Select((o, i) => $"{o.Key}={(i < s.OptionCounts.Count ? s.OptionCounts[i] : 0)}")))).Append(',')
                .Append(Field(string.Join("; ", Flags(row)))).Append('\n');
        }
        return sb.ToString();
    }

    private static IReadOnlyList<string> Cells(ItemAnalysisRow row)
    {
        var s = row.Statistics;
        return
        [
            Label(row.Question),
            s.TimesAsked.ToString(CultureInfo.InvariantCulture),
            s.Answers.ToString(CultureInfo.InvariantCulture),
            s.Facility is { } f ? f.ToString("0", CultureInfo.InvariantCulture) + "%" : "—",
            s.Discrimination is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "—",
            string.Join(" · ", row.Question.Options.Select((o, i) =>
                $"{o.Key} {(i < s.OptionCounts.Count ? s.OptionCounts[i] : 0)}{(row.Question.CorrectKeys.Contains(o.Key) ? "✓" : "")}")),
            string.Join("; ", Flags(row)),
        ];
    }

    public static string Label(Question q) => $"{q.DeckId}/{q.Section}/{q.Number}";

    /// <summary>The flags as a deck author reads them.</summary>
    public static IEnumerable<string> Flags(ItemAnalysisRow row)
    {
        var s = row.Statistics;
        string Keys(IReadOnlyList<int> options) => string.Join(", ", options.Select(o => row.Question.Options[o].Key));
        if (s.SuspectOptions.Count > 0)
            yield return $"possible wrong key: strong scorers chose {Keys(s.SuspectOptions)} more than the key";
        if (s.Flags.HasFlag(ItemFlags.NegativeDiscrimination))
            yield return "negative discrimination";
        if (s.UnusedOptions.Count > 0)
            yield return $"nobody picks {Keys(s.UnusedOptions)}";
        if (s.Flags.HasFlag(ItemFlags.NearlyAllRight))
            yield return "almost everyone right";
        if (s.Flags.HasFlag(ItemFlags.NearlyAllWrong))
            yield return "almost everyone wrong";
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"") + "\""
            : value;
}
