using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Commands;

/// <summary><c>/revise [topic]</c>: the concepts, traps, one-liners and rules that mention a topic,
/// or the list of topics.</summary>
public sealed class ReviseCommand(DeckLibrary library)
{
    // Concepts first: the definition, then the traps, then the quick ways to remember it.
    private static readonly string[] KindOrder = ["concepts", "traps", "oneliners", "rules", "mnemonics", "formulas"];

    public static CommandUnit Unit { get; } = CommandUnit.Bind<ReviseCommand, string?>(
        new("revise", "Revision notes: concepts, traps, one-liners", [],
        [
            new("topic", "A topic (serialization, flask, scaling, kubernetes, docker, monitoring…)", OptionKind.Text, MaxLength: 64),
        ], Example: "/revise topic:scaling"),
        c => c.Arg("topic")?.Trim(),
        (handler, topic, _, _) => Task.FromResult(handler.Notes(topic)));

    public static CommandDefinition Definition => Unit.Definition;

    public OutgoingMessage Notes(string? typed)
    {
        if (string.IsNullOrEmpty(typed))
            return Reply(TopicList("Pick a topic to revise."));
        var topic = Topics.Find(typed);
        if (topic is null)
            return Reply(TopicList($"I have no notes on `{Shorten(typed.Replace("`", "'", StringComparison.Ordinal))}`."));

        var blocks = new List<string>();
        foreach (var kind in KindOrder)
        {
            foreach (var section in library.Decks.SelectMany(d => d.Revision).Where(r => r.Kind == kind))
            {
                var items = RevisionNotes.Items(section).Where(i => Topics.Mentions(i, topic)).ToList();
                if (items.Count > 0)
                    blocks.Add($"**{section.Title}**\n" + string.Join('\n', items));
            }
        }
        var questions = library.AllQuestions.Count(q => q.Topic == topic);
        var practice = questions == 0 ? "" : $"{questions} quiz question{(questions == 1 ? "" : "s")} on {topic}: `/quiz practice`.";
        if (blocks.Count == 0)
            return Reply(TopicList($"The revision notes say nothing about {topic}." + (practice.Length > 0 ? " " + practice : "")));
        blocks.Insert(0, $"📚 **Revision: {topic}**");
        if (practice.Length > 0)
            blocks.Add(practice);
        return Reply(RevisionNotes.Fit(blocks, "The full notes are in the deck."));
    }

    private string TopicList(string lead)
    {
        var withNotes = Topics.All.Where(t =>
            library.AllQuestions.Any(q => q.Topic == t) ||
            library.Decks.SelectMany(d => d.Revision).Any(r => KindOrder.Contains(r.Kind) && Topics.Mentions(r.Markdown, t)));
        return $"{lead}\nTopics: {string.Join(", ", withNotes)}.\nFor example: `{CommandUsage.Example(Definition, null)}`.";
    }

    private static OutgoingMessage Reply(string text) => OutgoingMessage.PrivateText(text);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
