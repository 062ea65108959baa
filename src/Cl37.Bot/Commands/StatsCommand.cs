using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/stats [user].</summary>
public sealed class StatsCommand(ChannelDirectory channels, StatsService stats) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("stats", "Accuracy by type and topic, weakest questions and streak", [],
    [
        new("user", "Whose stats (default: yours)", OptionKind.User),
    ], Example: "/stats");

    CommandDefinition ICommandHandler.Definition => Definition;

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        var who = command.Arg("user");
        return who is null
            ? await stats.ForAsync(channel, command.User.Id, byName: false, cancellationToken)
            : await stats.ForAsync(channel, who, byName: true, cancellationToken);
    }
}
