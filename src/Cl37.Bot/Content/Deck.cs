namespace Cl37.Bot.Content;

/// <summary>One deck file: a file of the content folder, or one an admin sent in a chat (<see cref="Upload"/>).</summary>
public sealed record Deck(string Id, string Title, string SourceFile, IReadOnlyList<Question> Questions, IReadOnlyList<RevisionSection> Revision)
{
    /// <summary>Set for a deck an admin sent in a chat: whose it is and which version; null for the content folder's decks.</summary>
    public DeckUpload? Upload { get; init; }
}
