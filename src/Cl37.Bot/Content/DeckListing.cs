namespace Cl37.Bot.Content;

/// <summary>Every deck a group can use, and the problems of files that gave no deck at all.</summary>
public sealed record DeckListing(IReadOnlyList<DeckSummary> Decks, IReadOnlyList<DeckError> OtherProblems)
{
    /// <summary>Lists the decks of one set (take <see cref="DeckLibrary.Current"/> so the list is of one moment).</summary>
    public static DeckListing Of(DeckLibrary library)
    {
        var decks = library.Decks.Select(d => DeckSummary.Of(d, library.Errors, library.Skipped)).ToList();
        var files = decks.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        return new DeckListing(decks, [.. library.Errors.Where(e => !files.Contains(e.File))]);
    }
}
