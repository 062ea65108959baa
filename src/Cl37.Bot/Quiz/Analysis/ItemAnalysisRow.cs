using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz.Analysis;

/// <summary>One question of a report with its statistics; for typed answers (numerical, fill-in)
/// the most common wrong ones, most frequent first.</summary>
public sealed record ItemAnalysisRow(Question Question, ItemStatistics Statistics, IReadOnlyList<CommonAnswer> CommonWrong);
