namespace Cl37.Bot.Content;

/// <summary>The decks loaded at start: questions by id, and the problems found while loading.</summary>
public sealed class DeckLibrary
{
    private readonly Dictionary<string, Question> _byId;

    public DeckLibrary(IReadOnlyList<Deck> decks, IReadOnlyList<DeckError> errors, IReadOnlyList<DeckError>? skipped = null)
    {
        Decks = decks;
        Errors = errors;
        Skipped = skipped ?? [];
        _byId = decks.SelectMany(d => d.Questions).GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Deck> Decks { get; }

    public IReadOnlyList<DeckError> Errors { get; }

    /// <summary>Questions of imported files whose type this bot does not have, one line each.</summary>
    public IReadOnlyList<DeckError> Skipped { get; }

    public IEnumerable<Question> AllQuestions => Decks.SelectMany(d => d.Questions);

    public Question? FindQuestion(string id) => _byId.GetValueOrDefault(id);

    public Deck? FindDeck(string id) => Decks.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The questions of one deck, or of every deck when <paramref name="deckId"/> is null.</summary>
    public IReadOnlyList<Question> QuestionsOf(string? deckId) =>
        deckId is null ? AllQuestions.ToList() : FindDeck(deckId)?.Questions ?? [];
}
