namespace Cl37.Bot.Chat;

/// <summary>Handles one top-level command. Arguments arrive validated against the command's definition.</summary>
public interface ICommandHandler
{
    /// <summary>The command this handler serves, with its sub-commands and options; the
    /// <see cref="CommandCatalog"/> is made of these.</summary>
    CommandDefinition Definition { get; }

    /// <summary>Runs the command and returns the reply for the person who sent it.</summary>
    Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken);
}
