namespace Cl37.Bot.Quiz.Analysis;

/// <summary>One question's statistics.</summary>
/// <param name="Facility">Mean score in percent (0 to 100); null without answers.</param>
/// <param name="Discrimination">Moodle's discrimination index: 100 × the correlation of the item's
/// score with the person's score on the rest; null with too few answerers or no spread.</param>
/// <param name="OptionCounts">Per option, how many answerers picked it.</param>
/// <param name="UnusedOptions">Wrong options nobody picked (indexes).</param>
/// <param name="SuspectOptions">Wrong options strong scorers picked more often than a key (indexes).</param>
public sealed record ItemStatistics(
    int TimesAsked,
    int Answers,
    double? Facility,
    double? Discrimination,
    IReadOnlyList<int> OptionCounts,
    IReadOnlyList<int> UnusedOptions,
    IReadOnlyList<int> SuspectOptions,
    ItemFlags Flags);
