using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Analysis;

namespace Cl37.Bot.Messages;

/// <summary>Words an item analysis report: one short block per question, narrow enough for a phone
/// and a Discord message, or a CSV file for deck authors.</summary>
public static class ItemAnalysisMessages
{
    /// <summary>Questions shown as text; the rest are counted and left to the CSV export.</summary>
    public const int MaxTextQuestions = 25;

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
            var file = FileAttachment.Text($"item-analysis-{report.DeckId ?? "all"}.csv", "text/csv", Csv(report));
            return OutgoingMessage.PrivateText(FileMessages.Export(title, file, report.Rows.Count, "question")) with { Files = [file] };
        }
        var text = new StringBuilder("**").Append(title).Append("**");
        foreach (var row in report.Rows.Take(MaxTextQuestions))
            Block(text.Append("\n\n"), row);
        text.Append("\n\n");
        if (report.Rows.Count > MaxTextQuestions)
            text.Append(FileMessages.MoreRows(report.Rows.Count - MaxTextQuestions, "question", "/quiz analysis format:csv")).Append('\n');
        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"{report.People} {(report.People == 1 ? "person" : "people")} · facility = mean score · discrimination = correlation with the rest (Moodle's index, from {ItemAnalysis.MinAnswerersForDiscrimination} answerers; above 30 is good, below 0 look at the key) · ✓ marks keys"));
        return OutgoingMessage.PrivateText(text.ToString());
    }

    /// <summary>"**MCQ 3** · course · mcq/3 — asked 2, 12 answers" and a short list under it.</summary>
    private static void Block(StringBuilder text, ItemAnalysisRow row)
    {
        var q = row.Question;
        var s = row.Statistics;
        text.Append("**").Append(QuestionCards.Label(q)).Append("** · ").Append(Label(q))
            .Append(CultureInfo.InvariantCulture, $" — asked {s.TimesAsked}, {s.Answers} {(s.Answers == 1 ? "answer" : "answers")}");
        text.Append("\n- facility ").Append(s.Facility is { } f ? f.ToString("0", CultureInfo.InvariantCulture) + "%" : "—")
            .Append(", discrimination ").Append(s.Discrimination is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "—");
        if (q.Options.Count > 0)
        {
            text.Append("\n- ").Append(string.Join(" · ", q.Options.Select((o, i) =>
                $"{o.Key} {(i < s.OptionCounts.Count ? s.OptionCounts[i] : 0)}{(q.CorrectKeys.Contains(o.Key) ? " ✓" : "")}")));
        }
        else if (row.CommonWrong.Count > 0)
        {
            text.Append("\n- most common wrong: ").Append(string.Join(", ", row.CommonWrong.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"“{c.Text}” ×{c.Count}"))));
        }
        foreach (var flag in Flags(row))
            text.Append("\n- ⚠ ").Append(flag);
    }

    public static string Csv(ItemAnalysisReport report)
    {
        var sb = new StringBuilder("question_id,kind,topic,key,times_asked,answers,facility_percent,discrimination_index,option_counts,common_wrong_answers,flags\n");
        foreach (var row in report.Rows)
        {
            var s = row.Statistics;
            var key = row.Question.Options.Count > 0 ? string.Join(' ', row.Question.CorrectKeys) : row.Question.AnswerText;
            sb.Append(row.Question.Id).Append(',').Append(row.Question.Kind).Append(',').Append(Field(row.Question.Topic)).Append(',')
                .Append(Field(key)).Append(',')
                .Append(s.TimesAsked.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Answers.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Facility?.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Discrimination?.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(string.Join(' ', row.Question.Options.Select((o, i) => $"{o.Key}={(i < s.OptionCounts.Count ? s.OptionCounts[i] : 0)}")))).Append(',')
                .Append(Field(string.Join("; ", row.CommonWrong.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Text} ({c.Count})"))))).Append(',')
                .Append(Field(string.Join("; ", Flags(row)))).Append('\n');
        }
        return sb.ToString();
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
