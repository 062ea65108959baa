using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>What <c>/quiz deck add</c>, <c>confirm</c> and <c>remove</c> did, for
/// <c>Messages/DeckUploadMessages</c> to word. Every refusal leaves everything stored as it was.</summary>
public abstract record DeckUploadResult
{
    private DeckUploadResult()
    {
    }

    /// <param name="Bytes">The file's size when known (the platform declared it or the file was small enough to count); null when the download stopped at the limit.</param>
    public sealed record TooLarge(string FileName, long? Bytes, int Limit) : DeckUploadResult;

    /// <summary>The platform could not deliver the file.</summary>
    public sealed record Unavailable(string FileName) : DeckUploadResult;

    /// <summary>The name the admin gave cannot name a deck.</summary>
    public sealed record BadName(string Name) : DeckUploadResult;

    /// <summary>A deck of the content folder has the name: the upload would hide it or be hidden.</summary>
    public sealed record FolderDeckName(string Name) : DeckUploadResult;

    /// <summary>The group has as many uploaded decks as it may.</summary>
    public sealed record TooMany(int Limit) : DeckUploadResult;

    /// <summary>The file has problems (<c>line N: …</c>); nothing was stored.</summary>
    public sealed record Malformed(string FileName, DeckFormat Format, IReadOnlyList<DeckError> Problems) : DeckUploadResult;

    /// <summary>The file is byte for byte the version in service.</summary>
    public sealed record SameAsInService(string Name, int Version) : DeckUploadResult;

    /// <summary>The file reads well and waits for an admin's confirmation.</summary>
    /// <param name="Replaces">The version in service it would replace, and what would change; null for a new deck
    /// or when the group is not known yet.</param>
    /// <param name="NeedsGroup">Sent in a chat that belongs to no group: confirm it in a channel of the group.</param>
    public sealed record Previewed(DeckSummary Deck, DeckFormat Format, DeckReplacement? Replaces, bool NeedsGroup, TimeSpan ConfirmWithin) : DeckUploadResult;

    /// <summary>No upload of this person waits for a confirmation (none, expired, or none of that name).</summary>
    public sealed record NothingPending(string? Name, TimeSpan ConfirmWithin) : DeckUploadResult;

    /// <summary>The deck is in service for the group.</summary>
    public sealed record Confirmed(DeckSummary Deck, DeckReplacement? Replaced) : DeckUploadResult;

    /// <summary>No uploaded deck of the group has the name.</summary>
    /// <param name="IsFolderDeck">The name is a content folder deck's, which only the server's files change.</param>
    public sealed record NotUploaded(string Name, bool IsFolderDeck, IReadOnlyList<string> Uploaded) : DeckUploadResult;

    /// <summary>The deck is out of service; its answers stay.</summary>
    /// <param name="Schedules">Channels of the group whose schedule draws from this deck alone.</param>
    public sealed record Removed(string Name, int Version, int Questions, int Answers, int Schedules) : DeckUploadResult;
}
