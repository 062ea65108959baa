namespace Cl37.Bot.Content;

/// <summary>One read of the content folder: the decks to put in service, what changed since the
/// previous read, and whether the list of problems changed.</summary>
public sealed record DeckReload(DeckLibrary Library, IReadOnlyList<DeckChange> Changes, bool ProblemsChanged)
{
    public bool AnythingChanged => Changes.Count > 0 || ProblemsChanged;
}
