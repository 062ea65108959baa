using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>A sub-command's definition bound to the method that runs it. Declared beside that method,
/// as a static property of its handler, and listed in its command's <see cref="CommandUnit"/>.</summary>
public sealed class SubCommandUnit
{
    private SubCommandUnit(SubCommandDefinition definition, CommandMethod method)
    {
        Definition = definition;
        Method = method;
    }

    public SubCommandDefinition Definition { get; }

    internal CommandMethod Method { get; }

    /// <summary>Binds the sub-command to a method of <typeparamref name="THandler"/> (a singleton from
    /// the container) that takes the arguments <paramref name="arguments"/> reads from the validated command.</summary>
    public static SubCommandUnit Bind<THandler, TArgs>(
        SubCommandDefinition definition,
        Func<ChatCommand, TArgs> arguments,
        Func<THandler, TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) where THandler : class =>
        new(definition, CommandMethod.OnHandler(arguments, method));

    /// <summary>Binds a sub-command without options to a method of <typeparamref name="THandler"/>.</summary>
    public static SubCommandUnit Bind<THandler>(
        SubCommandDefinition definition,
        Func<THandler, CommandContext, CancellationToken, Task<OutgoingMessage>> method) where THandler : class =>
        new(definition, CommandMethod.OnHandler<THandler, object?>(_ => null, (handler, _, context, ct) => method(handler, context, ct)));

    /// <summary>Binds the sub-command to a method that needs no services (a pure calculator).</summary>
    public static SubCommandUnit Bind<TArgs>(
        SubCommandDefinition definition,
        Func<ChatCommand, TArgs> arguments,
        Func<TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) =>
        new(definition, CommandMethod.Static(arguments, method));
}
