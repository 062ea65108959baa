using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary><c>/formulas</c>: the decks' formula sheets and calculation shortcuts.</summary>
public sealed class FormulasCommand(DeckLibrary library)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<FormulasCommand>(
        new("formulas", "The course's formula sheet", [], [], Example: "/formulas"),
        (handler, _, _) => Task.FromResult(handler.Sheet()));

    public OutgoingMessage Sheet() => RevisionMessages.FormulaSheet(
        [.. library.Decks.SelectMany(d => d.Revision.Where(r => r.Kind == "formulas").Select(r => (d.Title, r)))],
        several: library.Decks.Count > 1);
}
