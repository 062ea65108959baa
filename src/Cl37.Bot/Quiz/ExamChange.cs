namespace Cl37.Bot.Quiz;

/// <summary>What <c>/quiz exam set</c> did.</summary>
public abstract record ExamChange
{
    public sealed record Set(ExamReport Report) : ExamChange;

    /// <summary>The date is today or past in the group's zone.</summary>
    public sealed record NotAhead(DateOnly Date, DateOnly Today) : ExamChange;

    public sealed record UnknownDeck(string DeckId, IReadOnlyList<string> Known) : ExamChange;
}
