namespace Cl37.Bot.Quiz.Analysis;

/// <summary>What the analysis needs to know of a question: how many options it has (0 for typed
/// answers), which are keys (bit mask), and how often it was posted.</summary>
public readonly record struct ItemDefinition(int OptionCount, int KeyMask, int TimesAsked);
