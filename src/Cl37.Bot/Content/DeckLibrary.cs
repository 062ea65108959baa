namespace Cl37.Bot.Content;

/// <summary>The decks in service: questions by id, and the problems found while loading. The decks
/// can be replaced while the bot runs (<see cref="Replace"/>); every member reads one whole set, so a
/// caller that needs several answers from the same set takes <see cref="Current"/> once.</summary>
public sealed class DeckLibrary
{
    private volatile Snapshot _now;

    public DeckLibrary(IReadOnlyList<Deck> decks, IReadOnlyList<DeckError> errors, IReadOnlyList<DeckError>? skipped = null) =>
        _now = new Snapshot(decks, errors, skipped ?? []);

    /// <summary>The set in service now; it never changes after it is taken.</summary>
    public DeckLibrary Current => new(_now);

    public IReadOnlyList<Deck> Decks => _now.Decks;

    public IReadOnlyList<DeckError> Errors => _now.Errors;

    /// <summary>Questions of imported files whose type this bot does not have, one line each.</summary>
    public IReadOnlyList<DeckError> Skipped => _now.Skipped;

    public IEnumerable<Question> AllQuestions => _now.Decks.SelectMany(d => d.Questions);

    /// <summary>How many times the decks were replaced since start.</summary>
    public int Version => _now.Version;

    public Question? FindQuestion(string id) => _now.ById.GetValueOrDefault(id);

    public Deck? FindDeck(string id) => _now.Decks.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The questions of one deck, or of every deck when <paramref name="deckId"/> is null.</summary>
    public IReadOnlyList<Question> QuestionsOf(string? deckId)
    {
        var now = _now;
        return deckId is null
            ? now.Decks.SelectMany(d => d.Questions).ToList()
            : now.Decks.FirstOrDefault(d => string.Equals(d.Id, deckId, StringComparison.OrdinalIgnoreCase))?.Questions ?? [];
    }

    /// <summary>Puts <paramref name="next"/>'s decks in service in one step: a lookup made before sees
    /// only the old set, one made after only the new.</summary>
    public void Replace(DeckLibrary next)
    {
        var taken = next._now;
        _now = taken with { Version = _now.Version + 1 };
    }

    private DeckLibrary(Snapshot snapshot) => _now = snapshot;

    private sealed record Snapshot(IReadOnlyList<Deck> Decks, IReadOnlyList<DeckError> Errors, IReadOnlyList<DeckError> Skipped)
    {
        public Dictionary<string, Question> ById { get; } =
            Decks.SelectMany(d => d.Questions).GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public int Version { get; init; }
    }
}
