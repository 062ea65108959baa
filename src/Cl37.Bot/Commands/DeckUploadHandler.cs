using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz deck add | confirm | remove: decks an admin adds from a chat.</summary>
public sealed class DeckUploadHandler(DeckUploadService uploads, ChannelDirectory channels)
{
    public static SubCommandUnit Add { get; } = SubCommandUnit.Bind<DeckUploadHandler, (IncomingFile File, string? Name, bool PrivateChat)>(
        new("deck add", "Add a deck from a file (Markdown, GIFT or Moodle XML): you see a preview, then confirm",
        [
            new("file", "The deck file: Markdown (.md), GIFT (.gift) or Moodle XML (.xml)", OptionKind.File, Required: true, MaxLength: 200),
            new("name", "The deck's name in commands (default: from the file's name)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.AdminUnless(GroupPermission.OwnPrivateChat), Example: "/quiz deck add name:bio-week-3"),
        c => (c.File("file")!, c.Arg("name"), c.PrivateChat),
        (handler, args, context, ct) => handler.AddAsync(context, args.File, args.Name, args.PrivateChat, ct));

    public static SubCommandUnit Confirm { get; } = SubCommandUnit.Bind<DeckUploadHandler, string?>(
        new("deck confirm", "Put the deck you previewed with /quiz deck add in service for this group",
        [
            new("name", "The previewed deck's name (default: your latest upload)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz deck confirm"),
        c => c.Arg("name"),
        (handler, name, context, ct) => handler.ConfirmAsync(context, name, ct));

    public static SubCommandUnit Remove { get; } = SubCommandUnit.Bind<DeckUploadHandler, string>(
        new("deck remove", "Take a deck added from a chat out of service; its answers stay",
        [
            new("name", "The deck's name, as /quiz decks lists it", OptionKind.Text, Required: true, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz deck remove name:bio-week-3"),
        c => c.Arg("name")!,
        (handler, name, context, ct) => handler.RemoveAsync(context, name, ct));

    /// <param name="privateChat">Sent in a 1:1 chat that belongs to no group: it waits for a confirmation in a group's channel.</param>
    public async Task<OutgoingMessage> AddAsync(CommandContext context, IncomingFile file, string? name, bool privateChat, CancellationToken cancellationToken)
    {
        long? groupId = privateChat ? null : (await channels.EnsureAsync(context.Channel, cancellationToken)).GroupId;
        return DeckUploadMessages.Reply(await uploads.AddAsync(groupId, context.Channel.Platform, context.User, file, name, cancellationToken), Commands);
    }

    public async Task<OutgoingMessage> ConfirmAsync(CommandContext context, string? name, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return DeckUploadMessages.Reply(await uploads.ConfirmAsync(channel, context.User, name, cancellationToken), Commands);
    }

    public async Task<OutgoingMessage> RemoveAsync(CommandContext context, string name, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return DeckUploadMessages.Reply(await uploads.RemoveAsync(channel, name, cancellationToken), Commands);
    }

    private static DeckUploadCommands Commands => new(
        CommandUsage.Invocation(QuizCommand.Definition, Add.Definition.Name, ("file", "<attachment>")),
        CommandUsage.Invocation(QuizCommand.Definition, Confirm.Definition.Name),
        CommandUsage.Invocation(QuizCommand.Definition, Remove.Definition.Name, ("name", "…")),
        CommandUsage.Invocation(QuizCommand.Definition, DeckHandler.List.Definition.Name),
        CommandUsage.Invocation(QuizCommand.Definition, ScheduleHandler.Set.Definition.Name, ("deck", "…")),
        deck => CommandUsage.Invocation(QuizCommand.Definition, RegradeHandler.Regrade.Definition.Name, ("deck", deck)),
        deck => CommandUsage.Invocation(QuizCommand.Definition, PostHandler.Now.Definition.Name, ("deck", deck)));
}
