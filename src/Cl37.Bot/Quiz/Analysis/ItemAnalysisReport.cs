namespace Cl37.Bot.Quiz.Analysis;

/// <summary>A group's item analysis: the deck it covers (null for every deck), how many people
/// answered, and one row per question that was asked.</summary>
public sealed record ItemAnalysisReport(string? DeckId, int People, IReadOnlyList<ItemAnalysisRow> Rows, string? Error = null);
