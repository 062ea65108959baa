using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>What the bot does with each inbound request: commands go to their handler after
/// validation and the admin check, answers to the quiz, post views to the stored answers.
/// Failures are the pipeline's to explain.</summary>
public sealed class CommandDispatcher(
    IEnumerable<ICommandHandler> handlers,
    CommandCatalog catalog,
    AnswerService answers,
    AnswerLookup lookup,
    AdminPolicy admins) : IInboundHandler
{
    private readonly Dictionary<string, ICommandHandler> _handlers =
        handlers.ToDictionary(h => h.Definition.Name, StringComparer.OrdinalIgnoreCase);

    public Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken) => request switch
    {
        ChatCommand command => Nullable(DispatchAsync(command, cancellationToken)),
        TypedCommand typed => Nullable(DispatchTextAsync(typed, cancellationToken)),
        AnswerAction answer => AnswerAsync(answer, cancellationToken),
        PostView { Personal: true } view => PersonalAsync(view, cancellationToken),
        PostView view => SharedAsync(view, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "Not an inbound request this bot knows."),
    };

    private Task<OutgoingMessage> DispatchTextAsync(TypedCommand typed, CancellationToken cancellationToken)
    {
        var parsed = CommandTextParser.Parse(catalog, typed.Text, typed.Channel, typed.User);
        return parsed.Command is null
            ? Task.FromResult(OutgoingMessage.PrivateText(parsed.Error!))
            : DispatchAsync(parsed.Command, cancellationToken);
    }

    private async Task<OutgoingMessage> DispatchAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var definition = catalog.Find(command.Name);
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
            return OutgoingMessage.PrivateText($"Only admins can use `/{definition.Name}{(sub is null ? "" : " " + sub.Name)}`. {AdminPolicy.WhoIsAdmin(command.Channel.Platform, command.User.NoPlatformAdmins)}");

        return await handler.HandleAsync(command with { Name = definition.Name, SubCommand = sub?.Name }, cancellationToken);
    }

    private async Task<OutgoingMessage?> AnswerAsync(AnswerAction answer, CancellationToken cancellationToken) =>
        AnswerReplies.For(await answers.AnswerAsync(answer.Channel, answer.User, answer.PostId, answer.Values, cancellationToken));

    private async Task<OutgoingMessage?> PersonalAsync(PostView view, CancellationToken cancellationToken) =>
        await lookup.AnswerAsync(view.PostId, view.Channel, view.User.Id, cancellationToken) is { } answered ? AnswerReplies.Personal(answered) : null;

    private async Task<OutgoingMessage?> SharedAsync(PostView view, CancellationToken cancellationToken) =>
        await lookup.PostAsync(view.PostId, view.Channel, view.User.Id, cancellationToken) is { } post ? AnswerReplies.Shared(post) : null;

    private static async Task<OutgoingMessage?> Nullable(Task<OutgoingMessage> reply) => await reply;
}
