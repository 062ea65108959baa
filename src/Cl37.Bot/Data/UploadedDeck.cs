namespace Cl37.Bot.Data;

/// <summary>A deck file an admin sent in a chat, kept in the database so every replica serves it.
/// Each version is its own row: replacing a deck marks the old row <see cref="DeckUploadState.Replaced"/>.</summary>
public sealed class UploadedDeck
{
    public long Id { get; set; }

    /// <summary>The group the deck belongs to; null while it is pending from a chat that belongs to
    /// no group (a Teams 1:1 chat), until an admin confirms it in a group's channel.</summary>
    public long? GroupId { get; set; }

    /// <summary>The platform of the person who sent it (<c>discord</c>, <c>teams</c>, <c>playground</c>).</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's id of the person who sent it.</summary>
    public required string UploadedBy { get; set; }

    /// <summary>The deck's name, as commands name it (<c>deck:bio</c>).</summary>
    public required string Name { get; set; }

    /// <summary>1 for the first version in service, one more for each replacement; 0 while pending.</summary>
    public int Version { get; set; }

    /// <summary><c>markdown</c>, <c>gift</c> or <c>moodle-xml</c>.</summary>
    public required string Format { get; set; }

    /// <summary>The file's name as it was sent.</summary>
    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public DeckUploadState State { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When <see cref="State"/> last changed.</summary>
    public DateTime ChangedUtc { get; set; }
}
