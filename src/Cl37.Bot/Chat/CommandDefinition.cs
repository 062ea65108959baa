namespace Cl37.Bot.Chat;

/// <summary>A top-level command. It has either sub-commands or options of its own.</summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<SubCommandDefinition> SubCommands,
    IReadOnlyList<OptionDefinition> Options,
    bool AdminOnly = false,
    string? Example = null)
{
    /// <summary>A sub-command by name, case-insensitive.</summary>
    public SubCommandDefinition? FindSubCommand(string name) =>
        SubCommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the command (or the named sub-command) is for admins only.</summary>
    public bool IsAdminOnly(string? subCommand) =>
        AdminOnly || (subCommand is not null && FindSubCommand(subCommand)?.AdminOnly == true);
}
