using Cl37.Bot.Chat;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>/help [command]: the shared command definitions as a <see cref="HelpView"/>, shown in the person's syntax.</summary>
public sealed class HelpCommand(CommandCatalog catalog) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("help", "What the bot can do", [],
    [
        new("command", "A command to explain", OptionKind.Text, MaxLength: 32),
    ], Example: "/help command:calc");

    CommandDefinition ICommandHandler.Definition => Definition;

    public Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var asked = command.Arg("command");
        var one = asked is null ? null : catalog.Find(asked.Trim().TrimStart('/'));
        return Task.FromResult(HelpMessages.Help(new HelpView(catalog.All, Definition, one, one is null ? asked : null, command.Syntax)));
    }
}
