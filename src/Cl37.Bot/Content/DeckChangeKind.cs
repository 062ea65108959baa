namespace Cl37.Bot.Content;

/// <summary>What happened to a deck between two reads of the content folder.</summary>
public enum DeckChangeKind
{
    Added,
    Updated,
    Removed,

    /// <summary>The file now has errors; its last good version stays in service.</summary>
    KeptLastGood,
}
