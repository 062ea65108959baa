namespace Cl37.Bot.Chat;

/// <summary>A sub-command (<c>/calc servers</c>, <c>/quiz now</c>) and its options.</summary>
/// <param name="AnswersTypedQuestion">True for the one command that answers the open typed question
/// by text: a platform whose answer box fails points to it.</param>
public sealed record SubCommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<OptionDefinition> Options,
    CommandAccess? Access = null,
    string? Example = null,
    bool AnswersTypedQuestion = false)
{
    /// <summary>Who may run the sub-command.</summary>
    public CommandAccess Access { get; init; } = Access ?? CommandAccess.Everyone;

    /// <summary>For admins whatever the group's settings.</summary>
    public bool AdminOnly => Access.AdminOnly;
}
