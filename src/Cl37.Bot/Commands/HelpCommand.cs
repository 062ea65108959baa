using Cl37.Bot.Chat;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>/help [command]: the shared command definitions as a <see cref="HelpView"/>, shown in the person's syntax.</summary>
public sealed class HelpCommand(CommandCatalog catalog)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<HelpCommand, string?>(
        new("help", "What the bot can do", [],
        [
            new("command", "A command to explain", OptionKind.Text, MaxLength: 32),
        ], Example: "/help command:calc"),
        c => c.Arg("command"),
        (handler, asked, context, _) => Task.FromResult(handler.Help(asked, context.Syntax)));

    public static CommandDefinition Definition => Unit.Definition;

    public OutgoingMessage Help(string? asked, CommandSyntax syntax)
    {
        var one = asked is null ? null : catalog.Find(asked.Trim().TrimStart('/'));
        return HelpMessages.Help(new HelpView(catalog.All, Definition, one, one is null ? asked : null, syntax));
    }
}
