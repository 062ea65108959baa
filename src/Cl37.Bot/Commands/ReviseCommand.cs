using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary><c>/revise [topic]</c>: the concepts, traps, one-liners and rules that mention a topic,
/// or the list of topics, from the decks this group can use (the content folder's and its own uploaded ones).</summary>
public sealed class ReviseCommand(DeckLibrary library, ChannelDirectory channels)
{
    // Concepts first: the definition, then the traps, then the quick ways to remember it.
    private static readonly string[] KindOrder = ["concepts", "traps", "oneliners", "rules", "mnemonics", "formulas"];

    public static CommandUnit Unit { get; } = CommandUnit.Bind<ReviseCommand, string?>(
        new("revise", "Revision notes: concepts, traps, one-liners", [],
        [
            new("topic", "A topic (serialization, flask, scaling, kubernetes, docker, monitoring…)", OptionKind.Text, MaxLength: 64),
        ], Example: "/revise topic:scaling"),
        c => c.Arg("topic")?.Trim(),
        (handler, topic, context, ct) => handler.NotesAsync(context, topic, ct));

    public static CommandDefinition Definition => Unit.Definition;

    public async Task<OutgoingMessage> NotesAsync(CommandContext context, string? typed, CancellationToken cancellationToken) =>
        Notes(library.For((await channels.EnsureAsync(context.Channel, cancellationToken)).GroupId), typed);

    /// <summary>The notes on a topic in one group's decks (<see cref="DeckLibrary.For"/>).</summary>
    public static OutgoingMessage Notes(DeckLibrary library, string? typed)
    {
        if (string.IsNullOrEmpty(typed))
            return RevisionMessages.PickATopic(TopicList(library));
        var topic = Topics.Find(typed);
        if (topic is null)
            return RevisionMessages.NoNotesOn(typed, TopicList(library));

        var sections = new List<(string Title, IReadOnlyList<string> Items)>();
        foreach (var kind in KindOrder)
        {
            foreach (var section in library.Decks.SelectMany(d => d.Revision).Where(r => r.Kind == kind))
            {
                var items = RevisionNotes.Items(section).Where(i => Topics.Mentions(i, topic)).ToList();
                if (items.Count > 0)
                    sections.Add((section.Title, items));
            }
        }
        var questions = library.AllQuestions.Count(q => q.Topic == topic);
        return sections.Count == 0
            ? RevisionMessages.NothingOn(topic, questions, TopicList(library))
            : RevisionMessages.Notes(topic, sections, questions);
    }

    private static RevisionTopics TopicList(DeckLibrary library) => new(
        [.. Topics.All.Where(t =>
            library.AllQuestions.Any(q => q.Topic == t) ||
            library.Decks.SelectMany(d => d.Revision).Any(r => KindOrder.Contains(r.Kind) && Topics.Mentions(r.Markdown, t)))],
        CommandUsage.Example(Definition, null));
}
