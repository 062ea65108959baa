namespace Cl37.Bot.Quiz;

/// <summary>Which post a typed answer without a post (<c>/quiz answer</c>) goes to.</summary>
public abstract record TypedAnswerTarget
{
    private TypedAnswerTarget()
    {
    }

    /// <summary>The newest open question in the channel that takes a typed answer: the channel's
    /// open question, or the person's own unanswered practice question there.</summary>
    public sealed record Post(long PostId) : TypedAnswerTarget;

    /// <summary>A question is open, but it is answered by picking options, not by typing.</summary>
    public sealed record ChoiceQuestion : TypedAnswerTarget;

    /// <summary>No question is open in the channel for this person.</summary>
    public sealed record NoneOpen : TypedAnswerTarget;
}
