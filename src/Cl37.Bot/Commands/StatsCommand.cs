using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/stats [user].</summary>
public sealed class StatsCommand(ChannelDirectory channels, StatsService stats)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<StatsCommand, string?>(
        new("stats", "Accuracy by type and topic, weakest questions and streak", [],
        [
            new("user", "Whose stats (default: yours)", OptionKind.User),
        ], Example: "/stats"),
        c => c.Arg("user"),
        (handler, user, context, ct) => handler.StatsAsync(context, user, ct));

    public async Task<OutgoingMessage> StatsAsync(CommandContext context, string? named, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        var who = named ?? context.User.Id;
        var report = await stats.ForAsync(channel, who, byName: named is not null, cancellationToken);
        return report is null ? StatsMessages.NotFound(who, named is not null) : StatsMessages.Reply(report);
    }
}
