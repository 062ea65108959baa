using Cl37.Bot.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cl37.Bot.Commands;

/// <summary>The method a command or sub-command is bound to: how its typed arguments are read from the
/// validated command, and the call that runs it, on its handler from the container or on a static method.</summary>
internal sealed class CommandMethod
{
    private readonly Func<ChatCommand, object?> _readArguments;
    private readonly Func<IServiceProvider, ChatCommand, CancellationToken, Task<OutgoingMessage>> _run;
    private readonly Action<IServiceCollection> _register;

    private CommandMethod(
        Func<ChatCommand, object?> readArguments,
        Func<IServiceProvider, ChatCommand, CancellationToken, Task<OutgoingMessage>> run,
        Action<IServiceCollection> register)
    {
        _readArguments = readArguments;
        _run = run;
        _register = register;
    }

    public static CommandMethod OnHandler<THandler, TArgs>(
        Func<ChatCommand, TArgs> arguments,
        Func<THandler, TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) where THandler : class =>
        new(c => arguments(c),
            (services, command, ct) => method(services.GetRequiredService<THandler>(), arguments(command), CommandContext.Of(command), ct),
            s => s.TryAddSingleton<THandler>());

    public static CommandMethod Static<TArgs>(
        Func<ChatCommand, TArgs> arguments,
        Func<TArgs, CommandContext, CancellationToken, Task<OutgoingMessage>> method) =>
        new(c => arguments(c), (_, command, ct) => method(arguments(command), CommandContext.Of(command), ct), _ => { });

    /// <summary>The typed arguments, read as the method would get them.</summary>
    public object? ReadArguments(ChatCommand command) => _readArguments(command);

    public Task<OutgoingMessage> RunAsync(IServiceProvider services, ChatCommand command, CancellationToken cancellationToken) =>
        _run(services, command, cancellationToken);

    /// <summary>Registers the handler the method runs on, once however many methods it has.</summary>
    public void Register(IServiceCollection services) => _register(services);
}
