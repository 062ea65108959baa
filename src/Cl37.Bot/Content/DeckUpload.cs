namespace Cl37.Bot.Content;

/// <summary>Where an uploaded deck came from: the group it belongs to, its version, the file as it
/// was sent, and the questions of it this bot skipped (types it does not have).</summary>
public sealed record DeckUpload(long GroupId, int Version, string FileName, DeckFormat Format, DateTime AddedUtc, IReadOnlyList<SkippedQuestion> Skipped);
