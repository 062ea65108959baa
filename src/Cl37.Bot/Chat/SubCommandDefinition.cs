namespace Cl37.Bot.Chat;

/// <summary>A sub-command (<c>/calc servers</c>, <c>/quiz now</c>) and its options.</summary>
/// <param name="AnswersTypedQuestion">True for the one command that answers the open typed question
/// by text: a platform whose answer box fails points to it.</param>
public sealed record SubCommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<OptionDefinition> Options,
    bool AdminOnly = false,
    string? Example = null,
    bool AnswersTypedQuestion = false);
