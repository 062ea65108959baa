namespace Cl37.Bot.Data;

/// <summary>Where an uploaded deck file stands. Stored as its number: never renumber.</summary>
public enum DeckUploadState
{
    /// <summary>Previewed, waiting for an admin to confirm it; out of service.</summary>
    Pending = 0,

    /// <summary>In service for its group.</summary>
    InService = 1,

    /// <summary>Was in service until a newer version of the same deck took its place.</summary>
    Replaced = 2,

    /// <summary>Taken out of service by an admin; the answers to its questions stay.</summary>
    Removed = 3,

    /// <summary>Never confirmed: a later upload by the same person took its place, or it expired.</summary>
    Discarded = 4,
}
