namespace Cl37.Bot.Content;

/// <summary>The decks in service, in two layers: the content folder's decks, which every group
/// uses, and the decks each group's admins sent in a chat, which only that group sees
/// (<see cref="For"/>). Either layer can be replaced while the bot runs (<see cref="Replace"/>,
/// <see cref="ReplaceUploads"/>); every member reads one whole set, so a caller that needs several
/// answers from the same set takes <see cref="Current"/> or <see cref="For"/> once.</summary>
public sealed class DeckLibrary
{
    private static readonly IReadOnlyDictionary<long, IReadOnlyList<Deck>> NoUploads = new Dictionary<long, IReadOnlyList<Deck>>();

    private readonly Lock _replacing = new();
    private volatile Snapshot _now;

    public DeckLibrary(IReadOnlyList<Deck> decks, IReadOnlyList<DeckError> errors, IReadOnlyList<DeckError>? skipped = null) =>
        _now = new Snapshot(decks, errors, skipped ?? [], NoUploads);

    /// <summary>The set in service now; it never changes after it is taken.</summary>
    public DeckLibrary Current => new(_now);

    /// <summary>The content folder's decks (on a view from <see cref="For"/>: the group's decks).</summary>
    public IReadOnlyList<Deck> Decks => _now.Decks;

    public IReadOnlyList<DeckError> Errors => _now.Errors;

    /// <summary>Questions of imported files whose type this bot does not have, one line each.</summary>
    public IReadOnlyList<DeckError> Skipped => _now.Skipped;

    public IEnumerable<Question> AllQuestions => _now.Decks.SelectMany(d => d.Questions);

    /// <summary>How many times the decks were replaced since start.</summary>
    public int Version => _now.Version;

    /// <summary>A question of any deck in service, uploaded decks included: their ids name their group,
    /// so a stored post or answer finds its own question and no other group's.</summary>
    public Question? FindQuestion(string id)
    {
        var now = _now;
        return now.ById.GetValueOrDefault(id) ?? now.UploadedById.GetValueOrDefault(id);
    }

    public Deck? FindDeck(string id) => _now.Decks.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The questions of one deck, or of every deck when <paramref name="deckId"/> is null.</summary>
    public IReadOnlyList<Question> QuestionsOf(string? deckId)
    {
        var now = _now;
        return deckId is null
            ? now.Decks.SelectMany(d => d.Questions).ToList()
            : now.Decks.FirstOrDefault(d => string.Equals(d.Id, deckId, StringComparison.OrdinalIgnoreCase))?.Questions ?? [];
    }

    /// <summary>The decks one group can use, as a set that never changes: the content folder's decks,
    /// then the decks the group's admins sent. An uploaded deck named like a folder deck (the folder
    /// gained it later) stays out of service and is listed as a problem until it is removed or renamed.</summary>
    public DeckLibrary For(long groupId)
    {
        var now = _now;
        if (!now.Uploaded.TryGetValue(groupId, out var own) || own.Count == 0)
            return new DeckLibrary(now);
        var decks = new List<Deck>(now.Decks);
        var errors = new List<DeckError>(now.Errors);
        foreach (var deck in own)
        {
            if (decks.Any(d => string.Equals(d.Id, deck.Id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new DeckError(deck.SourceFile, 0,
                    $"the content folder now has a deck named `{deck.Id}` too, so this uploaded deck is out of service; remove it, or send it again under another name."));
                continue;
            }
            decks.Add(deck);
        }
        return new DeckLibrary(new Snapshot(decks, errors, now.Skipped, NoUploads) { Version = now.Version });
    }

    /// <summary>The decks a group's admins sent, as they are in service now.</summary>
    public IReadOnlyList<Deck> UploadsOf(long groupId) => _now.Uploaded.GetValueOrDefault(groupId) ?? [];

    /// <summary>Puts <paramref name="next"/>'s decks in service in place of the content folder's, in one
    /// step: a lookup made before sees only the old set, one made after only the new. Uploaded decks stay.</summary>
    public void Replace(DeckLibrary next)
    {
        lock (_replacing)
        {
            var taken = next._now;
            _now = new Snapshot(taken.Decks, taken.Errors, taken.Skipped, _now.Uploaded) { Version = _now.Version + 1 };
        }
    }

    /// <summary>Puts every group's uploaded decks in service, in one step; the folder's decks stay.</summary>
    public void ReplaceUploads(IReadOnlyDictionary<long, IReadOnlyList<Deck>> uploaded)
    {
        lock (_replacing)
        {
            var now = _now;
            _now = new Snapshot(now.Decks, now.Errors, now.Skipped, uploaded) { Version = now.Version + 1 };
        }
    }

    private DeckLibrary(Snapshot snapshot) => _now = snapshot;

    private sealed class Snapshot(IReadOnlyList<Deck> decks, IReadOnlyList<DeckError> errors, IReadOnlyList<DeckError> skipped,
        IReadOnlyDictionary<long, IReadOnlyList<Deck>> uploaded)
    {
        public IReadOnlyList<Deck> Decks => decks;

        public IReadOnlyList<DeckError> Errors => errors;

        public IReadOnlyList<DeckError> Skipped => skipped;

        public IReadOnlyDictionary<long, IReadOnlyList<Deck>> Uploaded => uploaded;

        public Dictionary<string, Question> ById { get; } = Index(decks);

        public Dictionary<string, Question> UploadedById { get; } = Index(uploaded.Values.SelectMany(d => d));

        public int Version { get; init; }

        private static Dictionary<string, Question> Index(IEnumerable<Deck> decks) =>
            decks.SelectMany(d => d.Questions).GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
