using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>What the bot does with each inbound request: commands go to the method their
/// <see cref="CommandUnit"/> binds after validation and the admin check, answers to the quiz, post
/// views to the stored answers.
/// Failures are the pipeline's to explain.</summary>
public sealed class CommandDispatcher(
    IEnumerable<CommandUnit> units,
    CommandCatalog catalog,
    IServiceProvider services,
    AnswerService answers,
    AnswerLookup lookup,
    AdminPolicy admins,
    ChannelDirectory channels) : IInboundHandler
{
    private readonly Dictionary<string, CommandUnit> _units =
        units.ToDictionary(u => u.Definition.Name, StringComparer.OrdinalIgnoreCase);

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
        var parsed = CommandTextParser.Parse(catalog, typed.Text, typed.Channel, typed.User, typed.Files);
        return parsed.Command is null
            ? Task.FromResult(CommandMessages.Unparsed(parsed.Error!))
            : DispatchAsync(parsed.Command with { PrivateChat = typed.PrivateChat }, cancellationToken);
    }

    private async Task<OutgoingMessage> DispatchAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!_units.TryGetValue(command.Name, out var unit))
            return CommandMessages.Unparsed(new CommandParseError.UnknownCommand(command.Name));

        var definition = unit.Definition;
        SubCommandDefinition? sub = null;
        if (definition.SubCommands.Count > 0)
        {
            sub = command.SubCommand is null ? null : definition.FindSubCommand(command.SubCommand);
            if (sub is null)
                return HelpMessages.Problem(new ArgumentProblem(definition, null, null, command.Syntax));
        }

        if (ArgumentValidator.Validate(command, definition, sub) is { } error)
            return HelpMessages.Problem(new ArgumentProblem(definition, sub, error, command.Syntax));

        var isAdmin = admins.IsAdmin(command.Channel, command.User);
        if (!isAdmin && await RefusalAsync(command, definition, sub, cancellationToken) is { } refusal)
            return AccessMessages.Refused(refusal);

        return await unit.RunAsync(services, command with { Name = definition.Name, SubCommand = sub?.Name, ByAdmin = isAdmin }, cancellationToken);
    }

    /// <summary>The declared access of the command, its sub-command and its options, for someone who is not an admin.</summary>
    private async Task<AccessRefusal?> RefusalAsync(ChatCommand command, CommandDefinition definition, SubCommandDefinition? sub, CancellationToken cancellationToken)
    {
        var path = "/" + definition.Name + (sub is null ? "" : " " + sub.Name);
        // An admin-only value is refused whatever the group's settings, so it is named first.
        foreach (var option in sub?.Options ?? definition.Options)
        {
            if (option.AdminOnlyValue is { } value && command.Arg(option.Name) is { } given && Same(option, given, value))
                return new AccessRefusal($"{path} {option.Name}:{value}", command.User.AdminRule);
        }
        var access = definition.AccessOf(sub);
        if (access.RequiresAdmin && !(access.Unless is { } permission && await GroupAllowsAsync(command, permission, cancellationToken)))
            return new AccessRefusal(path, command.User.AdminRule, access.Unless is { } unless ? Enabler(unless) : null);
        return null;
    }

    private async Task<bool> GroupAllowsAsync(ChatCommand command, GroupPermission permission, CancellationToken cancellationToken) => permission switch
    {
        GroupPermission.EveryoneCanPost => (await channels.EnsureAsync(command.Channel, cancellationToken)).EveryoneCanPost,
        GroupPermission.OwnPrivateChat => command.PrivateChat,
        _ => false,
    };

    private static string? Enabler(GroupPermission permission) => permission switch
    {
        GroupPermission.EveryoneCanPost => QuizCommand.AllowEveryoneToPost,
        GroupPermission.OwnPrivateChat => null,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    private static bool Same(OptionDefinition option, string given, string value) => option.Kind == OptionKind.Boolean
        ? ArgumentValidator.Bool(given) == ArgumentValidator.Bool(value)
        : string.Equals(given, value, StringComparison.OrdinalIgnoreCase);

    private async Task<OutgoingMessage?> AnswerAsync(AnswerAction answer, CancellationToken cancellationToken) =>
        AnswerReplies.For(await answers.AnswerAsync(answer.Channel, answer.User, answer.PostId, answer.Values, cancellationToken));

    private async Task<OutgoingMessage?> PersonalAsync(PostView view, CancellationToken cancellationToken) =>
        await lookup.AnswerAsync(view.PostId, view.Channel, view.User.Id, cancellationToken) is { } answered ? AnswerReplies.Personal(answered) : null;

    private async Task<OutgoingMessage?> SharedAsync(PostView view, CancellationToken cancellationToken) =>
        await lookup.PostAsync(view.PostId, view.Channel, view.User.Id, cancellationToken) is { } post ? AnswerReplies.Shared(post) : null;

    private static async Task<OutgoingMessage?> Nullable(Task<OutgoingMessage> reply) => await reply;
}
