namespace Cl37.Bot.Chat;

/// <summary>Every command the bot understands, as data: the definitions of the registered command
/// units, in the order help lists them. Discord's slash-command registration, Teams' command list
/// and the playground's help and completion are rendered from it.</summary>
public sealed class CommandCatalog(IEnumerable<CommandDefinition> commands)
{
    /// <summary>All commands, in the order help lists them.</summary>
    public IReadOnlyList<CommandDefinition> All { get; } = [.. commands];

    /// <summary>A command by name, case-insensitive.</summary>
    public CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The command that answers the open typed question by text (<c>/quiz answer text:</c>),
    /// for when a platform will not open its answer box; null when no command does.</summary>
    public (string Form, string Example)? TypedAnswerCommand()
    {
        foreach (var command in All)
        {
            if (command.SubCommands.FirstOrDefault(s => s.AnswersTypedQuestion) is { } sub)
                return ("/" + command.Name + " " + sub.Name + string.Concat(sub.Options.Where(o => o.Required).Select(o => " " + o.Name + ":")), CommandUsage.Example(command, sub));
        }
        return null;
    }
}
