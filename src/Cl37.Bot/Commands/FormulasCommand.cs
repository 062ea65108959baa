using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Commands;

/// <summary><c>/formulas</c>: the decks' formula sheets and calculation shortcuts.</summary>
public sealed class FormulasCommand(DeckLibrary library)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<FormulasCommand>(
        new("formulas", "The course's formula sheet", [], [], Example: "/formulas"),
        (handler, _, _) => Task.FromResult(handler.Sheet()));

    public OutgoingMessage Sheet()
    {
        var sections = library.Decks
            .SelectMany(d => d.Revision.Where(r => r.Kind == "formulas").Select(r => (Deck: d, Section: r)))
            .ToList();
        if (sections.Count == 0)
            return OutgoingMessage.PrivateText("No deck has a formula sheet. Try `/calc` for the calculators.");

        var several = library.Decks.Count > 1;
        var blocks = sections.Select(s =>
            $"**{s.Section.Title}**{(several ? " (" + s.Deck.Title + ")" : "")}\n" + string.Join('\n', RevisionNotes.Items(s.Section)));
        var text = RevisionNotes.Fit(blocks.Append($"Work one through with steps: `{WeightsCalculator.Example}`, `{ServersCalculator.Example}`."));
        return OutgoingMessage.PrivateText(text);
    }
}
