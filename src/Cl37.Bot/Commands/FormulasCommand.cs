using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary><c>/formulas</c>: the formula sheets and calculation shortcuts of the decks this group can
/// use (the content folder's and its own uploaded ones).</summary>
public sealed class FormulasCommand(DeckLibrary library, ChannelDirectory channels)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<FormulasCommand>(
        new("formulas", "The course's formula sheet", [], [], Example: "/formulas"),
        (handler, context, ct) => handler.SheetAsync(context, ct));

    public async Task<OutgoingMessage> SheetAsync(CommandContext context, CancellationToken cancellationToken) =>
        Sheet(library.For((await channels.EnsureAsync(context.Channel, cancellationToken)).GroupId));

    /// <summary>The formula sheet of one group's decks (<see cref="DeckLibrary.For"/>).</summary>
    public static OutgoingMessage Sheet(DeckLibrary decks) => RevisionMessages.FormulaSheet(
        [.. decks.Decks.SelectMany(d => d.Revision.Where(r => r.Kind == "formulas").Select(r => (d.Title, r)))],
        several: decks.Decks.Count > 1);
}
