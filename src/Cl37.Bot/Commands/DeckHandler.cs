using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz decks and /quiz deck export: the decks this group can use (the content folder's and
/// its own uploaded ones), and one deck as a file.</summary>
public sealed class DeckHandler(DeckLibrary library, ChannelDirectory channels)
{
    public static SubCommandUnit Export { get; } = SubCommandUnit.Bind<DeckHandler, (string? Deck, string? Format)>(
        new("deck export", "A deck as a GIFT, Moodle XML or Markdown file for Moodle and other quiz tools",
        [
            new("deck", "Deck to export (default: the only deck)", OptionKind.Text, MaxLength: 64),
            new("format", "gift, moodle-xml or markdown (default: gift)", OptionKind.Text, Choices: ["gift", "moodle-xml", "markdown"]),
        ], Access: CommandAccess.Admin, Example: "/quiz deck export deck:cl37-model-deployment format:gift"),
        c => (c.Arg("deck"), c.Arg("format")),
        (handler, args, context, ct) => handler.ExportDeckAsync(context, args.Deck, args.Format, ct));

    public static SubCommandUnit List { get; } = SubCommandUnit.Bind<DeckHandler>(
        new("decks", "Every deck this group can use: questions by kind, problems in the files, skipped types", [], Example: "/quiz decks"),
        (handler, context, ct) => handler.ListDecksAsync(context, ct));

    public async Task<OutgoingMessage> ExportDeckAsync(CommandContext context, string? deckId, string? formatName, CancellationToken cancellationToken)
    {
        if (DeckWriter.ParseFormat(formatName ?? "gift") is not { } format)
            return DeckExportMessages.UnknownFormat(formatName!);
        var decks = library.For((await channels.EnsureAsync(context.Channel, cancellationToken)).GroupId);
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

    public async Task<OutgoingMessage> ListDecksAsync(CommandContext context, CancellationToken cancellationToken) =>
        DeckListMessages.Reply(DeckListing.Of(library.For((await channels.EnsureAsync(context.Channel, cancellationToken)).GroupId)));
}
