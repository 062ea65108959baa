namespace Cl37.Bot.Chat;

/// <summary>A sub-command (<c>/calc servers</c>, <c>/quiz now</c>) and its options.</summary>
public sealed record SubCommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<OptionDefinition> Options,
    bool AdminOnly = false,
    string? Example = null);
