namespace Cl37.Bot.Quiz.Analysis;

/// <summary>One person's first answer to one item: the score as a fraction of full marks (0 to 1)
/// and, for choice questions, the options picked as a bit mask (bit 0 is the first option).</summary>
public readonly record struct ItemResponse(int Person, int Item, float Score, int Choices);
