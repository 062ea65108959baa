using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
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
        var named = command.Arg("user");
        var who = named ?? command.User.Id;
        var report = await stats.ForAsync(channel, who, byName: named is not null, cancellationToken);
        return report is null ? StatsMessages.NotFound(who, named is not null) : StatsMessages.Reply(report);
    }
}
