using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>Who ran a command, where, and in which syntax: what a bound method gets besides its typed arguments.</summary>
/// <param name="ByAdmin">Whether the person is an admin here, as the dispatcher found; a method reads it
/// only to word a reply, never to refuse (access is declared on the definition).</param>
public sealed record CommandContext(ChannelRef Channel, ChatUser User, bool ByAdmin, CommandSyntax Syntax)
{
    public static CommandContext Of(ChatCommand command) => new(command.Channel, command.User, command.ByAdmin, command.Syntax);
}
