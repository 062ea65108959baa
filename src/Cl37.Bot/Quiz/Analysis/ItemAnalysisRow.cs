using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz.Analysis;

/// <summary>One question of a report with its statistics.</summary>
public sealed record ItemAnalysisRow(Question Question, ItemStatistics Statistics);
