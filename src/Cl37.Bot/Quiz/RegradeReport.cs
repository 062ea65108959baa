namespace Cl37.Bot.Quiz;

/// <summary>The outcome of <c>/quiz regrade</c>.</summary>
public abstract record RegradeReport
{
    private RegradeReport()
    {
    }

    public sealed record UnknownDeck(string DeckId, IReadOnlyList<string> Decks) : RegradeReport;

    /// <summary>No question, or more than one, answers to what the admin typed.</summary>
    public sealed record UnknownQuestion(string Text, IReadOnlyList<string> Matches) : RegradeReport;

    /// <param name="Applied">False for the dry run.</param>
    /// <param name="Questions">Questions whose regrade changes someone's answer.</param>
    /// <param name="Unchanged">Answers graded against another version whose result stays the same.</param>
    /// <param name="IncludeFinished">Whether finished competitions' standings are regraded too.</param>
    public sealed record Done(bool Applied, IReadOnlyList<QuestionRegrade> Questions, int Unchanged, bool IncludeFinished) : RegradeReport;
}
