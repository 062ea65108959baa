using System.Collections.Concurrent;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>Stands in for a command handler: records what the dispatcher passed and answers with
/// <see cref="Reply"/>, optionally after waiting for <see cref="Gate"/>.</summary>
public sealed class RecordingCommandHandler(CommandDefinition definition) : ICommandHandler
{
    public CommandDefinition Definition { get; } = definition;

    public ConcurrentQueue<ChatCommand> Received { get; } = new();

    public OutgoingMessage Reply { get; set; } = OutgoingMessage.PrivateText("ok");

    public Task? Gate { get; set; }

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        Received.Enqueue(command);
        if (Gate is { } gate)
            await gate;
        return Reply;
    }
}
