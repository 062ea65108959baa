namespace Cl37.Bot.Chat;

/// <summary>Why <see cref="AnswerCodec"/> refused an answer's values.</summary>
public enum AnswerProblem
{
    /// <summary>No value, or a blank one.</summary>
    Empty,

    /// <summary>More than <see cref="AnswerCodec.MaxValues"/> values.</summary>
    TooMany,

    /// <summary>A value longer than <see cref="AnswerCodec.MaxValueLength"/>.</summary>
    TooLong,
}
