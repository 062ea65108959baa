namespace Cl37.Bot.Chat;

/// <summary>A top-level command. It has either sub-commands or options of its own.</summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<SubCommandDefinition> SubCommands,
    IReadOnlyList<OptionDefinition> Options,
    CommandAccess? Access = null,
    string? Example = null)
{
    /// <summary>Who may run the command; sub-commands declare their own.</summary>
    public CommandAccess Access { get; init; } = Access ?? CommandAccess.Everyone;

    /// <summary>For admins whatever the group's settings.</summary>
    public bool AdminOnly => Access.AdminOnly;

    /// <summary>A sub-command by name, case-insensitive.</summary>
    public SubCommandDefinition? FindSubCommand(string name) =>
        SubCommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who may run the command, or the given sub-command of it.</summary>
    public CommandAccess AccessOf(SubCommandDefinition? sub) => Access.RequiresAdmin || sub is null ? Access : sub.Access;
}
