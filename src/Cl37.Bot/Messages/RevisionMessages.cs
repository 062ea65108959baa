using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Messages;

/// <summary>Replies to <c>/revise</c> and <c>/formulas</c>: the decks' revision notes, cut to fit one message.</summary>
public static class RevisionMessages
{
    public static OutgoingMessage PickATopic(RevisionTopics topics) => TopicList("Pick a topic to revise.", topics);

    public static OutgoingMessage NoNotesOn(string typed, RevisionTopics topics) =>
        TopicList($"I have no notes on `{Shorten(typed.Replace("`", "'", StringComparison.Ordinal))}`.", topics);

    public static OutgoingMessage NothingOn(string topic, int questions, RevisionTopics topics) =>
        TopicList($"The revision notes say nothing about {topic}." + (questions > 0 ? " " + Practice(topic, questions) : ""), topics);

    /// <summary>The notes on <paramref name="topic"/>, section by section, and the questions on it to practise.</summary>
    public static OutgoingMessage Notes(string topic, IReadOnlyList<(string Title, IReadOnlyList<string> Items)> sections, int questions)
    {
        var blocks = new List<string> { $"📚 **Revision: {topic}**" };
        blocks.AddRange(sections.Select(s => $"**{s.Title}**\n" + string.Join('\n', s.Items)));
        if (questions > 0)
            blocks.Add(Practice(topic, questions));
        return OutgoingMessage.PrivateText(RevisionNotes.Fit(blocks, "The full notes are in the deck."));
    }

    /// <summary>The formula sheets, each named after its deck when there are <paramref name="several"/>.</summary>
    public static OutgoingMessage FormulaSheet(IReadOnlyList<(string DeckTitle, RevisionSection Section)> sheets, bool several)
    {
        if (sheets.Count == 0)
            return OutgoingMessage.PrivateText("No deck has a formula sheet. Try `/calc` for the calculators.");
        var blocks = sheets.Select(s =>
            $"**{s.Section.Title}**{(several ? " (" + s.DeckTitle + ")" : "")}\n" + string.Join('\n', RevisionNotes.Items(s.Section)));
        return OutgoingMessage.PrivateText(RevisionNotes.Fit(blocks.Append($"Work one through with steps: `{WeightsCalculator.Example}`, `{ServersCalculator.Example}`.")));
    }

    private static string Practice(string topic, int questions) =>
        $"{questions} quiz question{(questions == 1 ? "" : "s")} on {topic}: `/quiz practice`.";

    private static OutgoingMessage TopicList(string lead, RevisionTopics topics) => OutgoingMessage.PrivateText(
        $"{lead}\nTopics: {string.Join(", ", topics.Topics)}.\nFor example: `{topics.Example}`.");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
