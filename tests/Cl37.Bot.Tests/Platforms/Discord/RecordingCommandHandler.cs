using System.Collections.Concurrent;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>Stands in for a command's methods: its <see cref="Unit"/> binds the definition (each
/// sub-command too) to one method that records the validated command the dispatcher passed and
/// answers with <see cref="Reply"/>, optionally after waiting for <see cref="Gate"/>.</summary>
public sealed class RecordingCommandHandler
{
    public RecordingCommandHandler(CommandDefinition definition)
    {
        Definition = definition;
        Unit = definition.SubCommands.Count == 0
            ? CommandUnit.Bind(definition, c => c, (command, _, ct) => HandleAsync(command))
            : CommandUnit.WithSubCommands(definition.Name, definition.Description,
                [.. definition.SubCommands.Select(s => SubCommandUnit.Bind(s, c => c, (command, _, ct) => HandleAsync(command)))]);
    }

    public CommandDefinition Definition { get; }

    public CommandUnit Unit { get; }

    public ConcurrentQueue<ChatCommand> Received { get; } = new();

    public OutgoingMessage Reply { get; set; } = OutgoingMessage.PrivateText("ok");

    public Task? Gate { get; set; }

    private async Task<OutgoingMessage> HandleAsync(ChatCommand command)
    {
        Received.Enqueue(command);
        if (Gate is { } gate)
            await gate;
        return Reply;
    }
}
