namespace Cl37.Bot.Content;

/// <summary>One deck as <c>/quiz decks</c> and an upload preview show it: questions by kind, the
/// problems its file has, and the questions skipped because this bot has no such type.</summary>
public sealed record DeckSummary(
    string Id,
    string Title,
    string File,
    IReadOnlyDictionary<QuestionKind, int> Kinds,
    IReadOnlyList<DeckError> Problems,
    IReadOnlyList<SkippedQuestion> Skipped)
{
    /// <summary>Set when an admin sent the deck in a chat: its version and file.</summary>
    public DeckUpload? Upload { get; init; }

    public int Total => Kinds.Values.Sum();

    /// <summary>Summarises <paramref name="deck"/> with the problems and skipped questions of its file.</summary>
    public static DeckSummary Of(Deck deck, IEnumerable<DeckError> errors, IEnumerable<DeckError> skipped) => new(
        deck.Id,
        deck.Title,
        deck.SourceFile,
        Enum.GetValues<QuestionKind>().ToDictionary(k => k, k => deck.Questions.Count(q => q.Kind == k)),
        deck.Upload is null ? [.. errors.Where(e => e.File == deck.SourceFile)] : [],
        deck.Upload?.Skipped ?? [.. skipped.Where(e => e.File == deck.SourceFile).Select(SkippedQuestion.From)])
    {
        Upload = deck.Upload,
    };
}
