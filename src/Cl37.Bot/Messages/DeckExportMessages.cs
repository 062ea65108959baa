using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Messages;

/// <summary>Words <c>/quiz deck export</c>: the file as a <see cref="FileAttachment"/> for platforms that
/// deliver files, and a text that fits one chat message (Discord's 2,000 characters) with the
/// start of the file and what the format could not carry.</summary>
public static class DeckExportMessages
{
    /// <summary>The most of the file shown in the text; the message around it stays under 2,000 characters.</summary>
    public const int PreviewCharacters = 1_000;

    private const int MaxLossLines = 4;

    public static OutgoingMessage Unknown(string deckId, IReadOnlyList<Deck> decks) =>
        OutgoingMessage.PrivateText($"There is no deck `{CommandTextParser.Shorten(deckId)}`. Decks: {string.Join(", ", decks.Select(d => d.Id))}.");

    public static OutgoingMessage NameTheDeck(IReadOnlyList<Deck> decks) =>
        OutgoingMessage.PrivateText($"Name the deck to export: {string.Join(", ", decks.Select(d => d.Id))}. For example `/quiz deck export deck:{decks.FirstOrDefault()?.Id ?? "deck"} format:gift`.");

    public static OutgoingMessage UnknownFormat(string format) =>
        OutgoingMessage.PrivateText($"`{CommandTextParser.Shorten(format)}` is not an export format; use gift, moodle-xml or markdown.");

    public static OutgoingMessage Reply(Deck deck, DeckFormat format, DeckExport export)
    {
        var name = format switch
        {
            DeckFormat.Gift => "GIFT",
            DeckFormat.MoodleXml => "Moodle XML",
            _ => "Markdown",
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Deck export · {deck.Id} · {name}** — {deck.Questions.Count} questions, `{export.FileName}` ({export.Content.Length / 1024.0:0.#} KB)");
        foreach (var loss in export.Losses.Take(MaxLossLines))
            text.Append("\n- ").Append(loss.Length <= 160 ? loss : loss[..160] + "…");
        if (export.Losses.Count > MaxLossLines)
            text.Append(CultureInfo.InvariantCulture, $"\n- and {export.Losses.Count - MaxLossLines} more.");
        var preview = export.Content.Length <= PreviewCharacters ? export.Content : export.Content[..PreviewCharacters];
        text.Append("\n```\n").Append(preview.Replace("```", "ʼʼʼ", StringComparison.Ordinal).TrimEnd()).Append("\n```");
        if (preview.Length < export.Content.Length)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nThe first {PreviewCharacters:N0} of {export.Content.Length:N0} characters. Where this chat takes files the whole file comes with this message; otherwise run `deck export {deck.Id} --format {FormatWord(format)} --out {export.FileName}` where the bot runs.");
        }
        return new OutgoingMessage(text.ToString(), null, Private: true) { Files = [FileAttachment.Text(export.FileName, export.ContentType, export.Content)] };
    }

    private static string FormatWord(DeckFormat format) => format switch
    {
        DeckFormat.Gift => "gift",
        DeckFormat.MoodleXml => "moodle-xml",
        _ => "markdown",
    };
}
