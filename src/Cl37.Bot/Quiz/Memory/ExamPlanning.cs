namespace Cl37.Bot.Quiz.Memory;

/// <summary>Recall forecasts at the exam from FSRS states. A question the person never answered is
/// recalled with the group's facility for it (the share of the group's answers that were right): that
/// is the chance they know it from the course alone. Pure.</summary>
public static class ExamPlanning
{
    /// <summary>The chance of recall at <paramref name="atUtc"/> without further practice.</summary>
    public static double RecallAt(Fsrs fsrs, MemoryState? memory, DateTime atUtc, double facility) =>
        memory is null ? facility : fsrs.Retrievability(memory, atUtc);

    /// <summary>The chance of recall at <paramref name="examUtc"/> if the question is practised at
    /// <paramref name="nowUtc"/>: answered right with the chance of recall now (Good), else wrong (Again).</summary>
    public static double RecallIfPractised(Fsrs fsrs, MemoryState? memory, DateTime nowUtc, DateTime examUtc, double facility)
    {
        var p = RecallAt(fsrs, memory, nowUtc, facility);
        var days = (examUtc - nowUtc).TotalDays;
        var (wrong, right) = fsrs.StabilitiesAfter(memory, nowUtc);
        return p * fsrs.Retrievability(days, right) + (1 - p) * fsrs.Retrievability(days, wrong);
    }

    /// <summary>How much practising the question now raises the chance of recalling it at the exam.</summary>
    public static double Gain(Fsrs fsrs, MemoryState? memory, DateTime nowUtc, DateTime examUtc, double facility) =>
        RecallIfPractised(fsrs, memory, nowUtc, examUtc, facility) - RecallAt(fsrs, memory, examUtc, facility);

    /// <summary>The predicted exam score: mean recall over the deck at the exam.</summary>
    public static double PredictedScore(Fsrs fsrs, IReadOnlyList<(MemoryState? Memory, double Facility)> deck, DateTime examUtc)
    {
        if (deck.Count == 0)
            return 0;
        double sum = 0;
        foreach (var (memory, facility) in deck)
            sum += RecallAt(fsrs, memory, examUtc, facility);
        return sum / deck.Count;
    }
}
