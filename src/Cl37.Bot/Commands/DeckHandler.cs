using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>/quiz decks and /quiz deck export: the decks this group can use, and one deck as a file.</summary>
public sealed class DeckHandler(DeckLibrary decks)
{
    public static SubCommandUnit Export { get; } = SubCommandUnit.Bind<DeckHandler, (string? Deck, string? Format)>(
        new("deck export", "A deck as a GIFT, Moodle XML or Markdown file for Moodle and other quiz tools",
        [
            new("deck", "Deck to export (default: the only deck)", OptionKind.Text, MaxLength: 64),
            new("format", "gift, moodle-xml or markdown (default: gift)", OptionKind.Text, Choices: ["gift", "moodle-xml", "markdown"]),
        ], Access: CommandAccess.Admin, Example: "/quiz deck export deck:cl37-model-deployment format:gift"),
        c => (c.Arg("deck"), c.Arg("format")),
        (handler, args, _, _) => Task.FromResult(handler.ExportDeck(args.Deck, args.Format)));

    public static SubCommandUnit List { get; } = SubCommandUnit.Bind<DeckHandler>(
        new("decks", "Every deck this group can use: questions by kind, problems in the files, skipped types", [], Example: "/quiz decks"),
        (handler, _, _) => Task.FromResult(handler.ListDecks()));

    public OutgoingMessage ExportDeck(string? deckId, string? formatName)
    {
        if (DeckWriter.ParseFormat(formatName ?? "gift") is not { } format)
            return DeckExportMessages.UnknownFormat(formatName!);
        Deck? deck;
        if (deckId is null)
        {
            if (decks.Decks.Count != 1)
                return DeckExportMessages.NameTheDeck(decks.Decks);
            deck = decks.Decks[0];
        }
        else if ((deck = decks.FindDeck(deckId)) is null)
        {
            return DeckExportMessages.Unknown(deckId, decks.Decks);
        }
        return DeckExportMessages.Reply(deck, format, DeckWriter.Write(deck, format));
    }

    public OutgoingMessage ListDecks() => DeckListMessages.Reply(DeckListing.Of(decks.Current));
}
