using System.Text;

namespace Cl37.Bot.Content;

/// <summary>Reads a deck file an admin sent in a chat with the same parsers as the content folder's
/// files, under the name the admin gave it, with its questions' ids qualified by the group
/// (<see cref="QuestionIds.Uploaded"/>).</summary>
public static class UploadedDeckFile
{
    /// <summary>The longest deck name: the length every stored deck id has room for.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The format of a file: by its extension (<c>.md</c>, <c>.gift</c>, <c>.gift.txt</c>,
    /// <c>.xml</c>), else by its first characters (<c>&lt;</c> is Moodle XML; Markdown's
    /// <c>Question:</c> labels, else GIFT's <c>{…}</c> answer blocks).</summary>
    public static DeckFormat FormatOf(string fileName, byte[] bytes)
    {
        if (fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.MoodleXml;
        if (fileName.EndsWith(".gift", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".gift.txt", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.Gift;
        if (fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.Markdown;
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('<'))
            return DeckFormat.MoodleXml;
        if (head.Contains("Question:", StringComparison.OrdinalIgnoreCase) || head.StartsWith('#'))
            return DeckFormat.Markdown;
        return head.Contains('{', StringComparison.Ordinal) && head.Contains('}', StringComparison.Ordinal) ? DeckFormat.Gift : DeckFormat.Markdown;
    }

    /// <summary>How the format is stored and named in commands: <c>markdown</c>, <c>gift</c>, <c>moodle-xml</c>.</summary>
    public static string FormatName(DeckFormat format) => format switch
    {
        DeckFormat.Gift => "gift",
        DeckFormat.MoodleXml => "moodle-xml",
        _ => "markdown",
    };

    /// <summary>The deck name a file gives when the admin names none: its name without the deck
    /// extension, as a name (<c>Biology Week 3.md</c> → <c>biology-week-3</c>).</summary>
    public static string NameOf(string fileName) => Normalize(ImportedDeck.IdOf(Path.GetFileName(fileName.Replace('\\', '/'))));

    /// <summary>A name as it is stored: lower case, letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</summary>
    public static string Normalize(string name) => QuestionIds.Slug(name);

    /// <summary>Whether a name can name a deck: 1 to 64 of lower-case letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.Any(char.IsLetterOrDigit) && name == Normalize(name);

    /// <summary>Parses the file as <paramref name="format"/>, names the deck <paramref name="name"/>
    /// and qualifies its question ids by <paramref name="groupId"/>. Problems and skipped questions
    /// keep the file's name and line.</summary>
    public static DeckParseResult Parse(long groupId, string name, string fileName, DeckFormat format, byte[] bytes)
    {
        var shown = Path.GetFileName(fileName.Replace('\\', '/'));
        var parsed = DeckLoader.ParseFile(WithExtension(shown, format), bytes);
        if (parsed.Deck is not { } deck)
            return parsed;
        var questions = deck.Questions.Select(q => q with
        {
            Id = QuestionIds.Uploaded(groupId, name, QuestionIds.Local(q)),
            DeckId = name,
            SourceFile = shown,
        }).ToList();
        var title = string.Equals(deck.Title, deck.Id, StringComparison.Ordinal) ? name : deck.Title;
        return parsed with { Deck = deck with { Id = name, Title = title, SourceFile = shown, Questions = questions } };
    }

    // The parsers tell the formats apart by the name's extension.
    private static string WithExtension(string fileName, DeckFormat format) => format switch
    {
        DeckFormat.MoodleXml when !fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) => fileName + ".xml",
        DeckFormat.Gift when !fileName.EndsWith(".gift", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".gift.txt", StringComparison.OrdinalIgnoreCase) => fileName + ".gift",
        DeckFormat.Markdown when DeckLoader.IsDeckFile(fileName) && !fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) => fileName + ".md",
        _ => fileName,
    };
}
