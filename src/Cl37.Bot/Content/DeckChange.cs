namespace Cl37.Bot.Content;

/// <summary>One deck that changed: its question count before (null when added) and after (null when removed).</summary>
public sealed record DeckChange(DeckChangeKind Kind, string DeckId, string File, int? Before, int? After)
{
    /// <summary>For <see cref="DeckChangeKind.KeptLastGood"/>: the errors the new file has.</summary>
    public IReadOnlyList<DeckError> Errors { get; init; } = [];
}
