using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz deck add | confirm | remove: decks an admin adds from a chat.</summary>
public sealed class DeckUploadHandler(DeckUploadService uploads, ChannelDirectory channels)
{
    public static SubCommandDefinition Add { get; } = new("deck add", "Add a deck from a file (Markdown, GIFT or Moodle XML): you see a preview, then confirm",
    [
        new("file", "The deck file: Markdown (.md), GIFT (.gift) or Moodle XML (.xml)", OptionKind.File, Required: true, MaxLength: 200),
        new("name", "The deck's name in commands (default: from the file's name)", OptionKind.Text, MaxLength: 64),
    ], Access: CommandAccess.Admin, Example: "/quiz deck add name:bio-week-3");

    public static SubCommandDefinition Confirm { get; } = new("deck confirm", "Put the deck you previewed with /quiz deck add in service for this group",
    [
        new("name", "The previewed deck's name (default: your latest upload)", OptionKind.Text, MaxLength: 64),
    ], Access: CommandAccess.Admin, Example: "/quiz deck confirm");

    public static SubCommandDefinition Remove { get; } = new("deck remove", "Take a deck added from a chat out of service; its answers stay",
    [
        new("name", "The deck's name, as /quiz decks lists it", OptionKind.Text, Required: true, MaxLength: 64),
    ], Access: CommandAccess.Admin, Example: "/quiz deck remove name:bio-week-3");

    public async Task<OutgoingMessage> AddAsync(CommandDefinition command, ChatCommand request, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(request.Channel, cancellationToken);
        var result = await uploads.AddAsync(request.PrivateChat ? null : channel.GroupId, request.Channel.Platform, request.User,
            request.File("file")!, request.Arg("name"), cancellationToken);
        return DeckUploadMessages.Reply(result, Commands(command));
    }

    public async Task<OutgoingMessage> ConfirmAsync(CommandDefinition command, ChatCommand request, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(request.Channel, cancellationToken);
        return DeckUploadMessages.Reply(await uploads.ConfirmAsync(channel, request.User, request.Arg("name"), cancellationToken), Commands(command));
    }

    public async Task<OutgoingMessage> RemoveAsync(CommandDefinition command, ChatCommand request, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(request.Channel, cancellationToken);
        return DeckUploadMessages.Reply(await uploads.RemoveAsync(channel, request.Arg("name")!, cancellationToken), Commands(command));
    }

    private static DeckUploadCommands Commands(CommandDefinition command) => new(
        CommandUsage.Invocation(command, Add.Name, ("file", "<attachment>")),
        CommandUsage.Invocation(command, Confirm.Name),
        CommandUsage.Invocation(command, Remove.Name, ("name", "…")),
        CommandUsage.Invocation(command, "decks"),
        CommandUsage.Invocation(command, "schedule set", ("deck", "…")),
        deck => CommandUsage.Invocation(command, RegradeHandler.Definition.Name, ("deck", deck)),
        deck => CommandUsage.Invocation(command, "now", ("deck", deck)));
}
