using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>A command as a declared unit: its definition (what help, Discord, Teams and the playground
/// show) with the method each sub-command, or the command itself, is bound to. The dispatcher runs the
/// bound method of the sub-command it found in the definition, so a name cannot drift from its code.</summary>
public sealed class CommandUnit
{
    private readonly CommandMethod? _method;
    private readonly Dictionary<SubCommandDefinition, CommandMethod> _subMethods = new(ReferenceEqualityComparer.Instance);

    private CommandUnit(CommandDefinition definition, CommandMethod? method, IEnumerable<SubCommandUnit> subCommands)
    {
        Definition = definition;
        _method = method;
        foreach (var sub in subCommands)
            _subMethods.Add(sub.Definition, sub.Method);
    }

    public CommandDefinition Definition { get; }

    /// <summary>A command made of sub-commands, in the order help and the platforms list them.</summary>
    public static CommandUnit WithSubCommands(string name, string description, IReadOnlyList<SubCommandUnit> subCommands) =>
        new(new CommandDefinition(name, description, [.. subCommands.Select(s => s.Definition)], []), null, subCommands);

    /// <summary>A command with options of its own, bound to a method of <typeparamref name="THandler"/>
    /// that takes the arguments <paramref name="arguments"/> reads from the validated command.</summary>
    public static CommandUnit Bind<THandler, TArgs>(
        CommandDefinition definition,
        Func<ChatCommand, TArgs> arguments,
        Func<THandler, TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) where THandler : class =>
        new(WithoutSubCommands(definition), CommandMethod.OnHandler(arguments, method), []);

    /// <summary>A command without options, bound to a method of <typeparamref name="THandler"/>.</summary>
    public static CommandUnit Bind<THandler>(
        CommandDefinition definition,
        Func<THandler, CommandContext, CancellationToken, Task<OutgoingMessage>> method) where THandler : class =>
        new(WithoutSubCommands(definition), CommandMethod.OnHandler<THandler, object?>(_ => null, (handler, _, context, ct) => method(handler, context, ct)), []);

    /// <summary>A command with options of its own, bound to a method that needs no services.</summary>
    public static CommandUnit Bind<TArgs>(
        CommandDefinition definition,
        Func<ChatCommand, TArgs> arguments,
        Func<TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) =>
        new(WithoutSubCommands(definition), CommandMethod.Static(arguments, method), []);

    /// <summary>Runs a command the dispatcher has validated against <see cref="Definition"/>: the bound
    /// method of its sub-command, or the command's own.</summary>
    public Task<OutgoingMessage> RunAsync(IServiceProvider services, ChatCommand command, CancellationToken cancellationToken) =>
        MethodFor(command).RunAsync(services, command, cancellationToken);

    /// <summary>The typed arguments the bound method would get for <paramref name="command"/>.</summary>
    internal object? ReadArguments(ChatCommand command) => MethodFor(command).ReadArguments(command);

    /// <summary>Registers the handlers the bound methods run on.</summary>
    internal void Register(IServiceCollection services)
    {
        _method?.Register(services);
        foreach (var method in _subMethods.Values)
            method.Register(services);
    }

    private CommandMethod MethodFor(ChatCommand command)
    {
        if (_method is not null)
            return _method;
        var sub = command.SubCommand is null ? null : Definition.FindSubCommand(command.SubCommand);
        return sub is not null && _subMethods.TryGetValue(sub, out var method)
            ? method
            : throw new ArgumentException($"/{Definition.Name} has no sub-command '{command.SubCommand}'; validate the command first.", nameof(command));
    }

    private static CommandDefinition WithoutSubCommands(CommandDefinition definition) => definition.SubCommands.Count == 0
        ? definition
        : throw new ArgumentException($"/{definition.Name} has sub-commands: declare it with {nameof(WithSubCommands)}.", nameof(definition));
}
