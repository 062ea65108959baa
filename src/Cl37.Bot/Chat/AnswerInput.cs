namespace Cl37.Bot.Chat;

/// <summary>The kind of answer control a question needs.</summary>
public enum AnswerInput
{
    /// <summary>One button per option; one pick.</summary>
    SingleChoice,

    /// <summary>A multi-select of the options and a submit.</summary>
    MultiSelect,

    /// <summary>A free-text box (numbers or words).</summary>
    FreeText,
}
