namespace Cl37.Bot.Quiz.Analysis;

/// <summary>A group's item analysis: the deck it covers (null for every deck), how many people
/// answered, and one row per question that was asked. <paramref name="KnownDecks"/> is set, and
/// nothing analysed, when the deck asked for does not exist.</summary>
public sealed record ItemAnalysisReport(string? DeckId, int People, IReadOnlyList<ItemAnalysisRow> Rows, IReadOnlyList<string>? KnownDecks = null);
