using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Chat;

/// <summary>The one entry point platforms call: commands go to their handler after validation and
/// the admin check; answers go to the quiz. Every reply is a message, never an exception.</summary>
public sealed class CommandDispatcher(
    IEnumerable<ICommandHandler> handlers,
    AnswerService answers,
    AdminPolicy admins,
    ILogger<CommandDispatcher> logger)
{
    private readonly Dictionary<string, ICommandHandler> _handlers =
        handlers.ToDictionary(h => h.Command, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses typed text (Teams, playground) and dispatches it.</summary>
    public Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken)
    {
        var parsed = CommandTextParser.Parse(text, channel, user);
        return parsed.Command is null
            ? Task.FromResult(OutgoingMessage.PrivateText(parsed.Error!))
            : DispatchAsync(parsed.Command, cancellationToken);
    }

    public async Task<OutgoingMessage> DispatchAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var definition = CommandCatalog.Find(command.Name);
        if (definition is null || !_handlers.TryGetValue(definition.Name, out var handler))
            return OutgoingMessage.PrivateText($"I don't know the command `{CommandTextParser.Shorten(command.Name)}`. Try `/help` for the list.");

        SubCommandDefinition? sub = null;
        if (definition.SubCommands.Count > 0)
        {
            sub = command.SubCommand is null ? null : definition.FindSubCommand(command.SubCommand);
            if (sub is null)
                return OutgoingMessage.PrivateText($"`/{definition.Name}` needs one of: {string.Join(", ", definition.SubCommands.Select(s => s.Name))}.\nUsage:\n{CommandUsage.Of(definition)}");
        }

        if (ArgumentValidator.Validate(command, definition, sub) is { } error)
            return OutgoingMessage.PrivateText($"{error}\nUsage: {CommandUsage.Of(definition, sub)}\nExample: `{CommandUsage.Example(definition, sub)}`");

        if (definition.IsAdminOnly(sub?.Name) && !admins.IsAdmin(command.Channel, command.User))
            return OutgoingMessage.PrivateText($"Only admins can use `/{definition.Name}{(sub is null ? "" : " " + sub.Name)}`. {AdminPolicy.WhoIsAdmin(command.Channel.Platform)}");

        try
        {
            return await handler.HandleAsync(command with { Name = definition.Name, SubCommand = sub?.Name }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command /{Command} {SubCommand} failed", definition.Name, sub?.Name);
            if (StorageFaults.IsBusy(ex))
                return OutgoingMessage.PrivateText("The bot is busy storing other work. Nothing was changed — please try again in a moment.") with { NotSaved = true };
            if (StorageFaults.IsFault(ex))
                return OutgoingMessage.PrivateText("Not saved: the bot could not write to its database, so nothing was changed. Please try again in a moment.") with { NotSaved = true };
            return OutgoingMessage.PrivateText("Something went wrong running that command; nothing was changed. Please try again.");
        }
    }

    public async Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken)
    {
        try
        {
            return AnswerReplies.For(await answers.AnswerAsync(action.Channel, action.User, action.PostId, action.Values, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Answer to post {PostId} failed", action.PostId);
            var text = StorageFaults.IsBusy(ex) ? "Your answer was **not saved** because the bot is busy. Please try again in a moment."
                : StorageFaults.IsFault(ex) ? "Your answer was **not saved**: the bot could not write to its database. Please try again in a moment."
                : "Your answer was **not saved** because something went wrong. Please try again.";
            return OutgoingMessage.PrivateText(text) with { NotSaved = true };
        }
    }
}
