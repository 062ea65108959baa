namespace Cl37.Bot.Chat;

/// <summary>Handles one top-level command. Arguments arrive validated against the command's definition.</summary>
public interface ICommandHandler
{
    /// <summary>The top-level command name from <see cref="CommandCatalog"/>.</summary>
    string Command { get; }

    /// <summary>Runs the command and returns the reply for the person who sent it.</summary>
    Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken);
}
