using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/competition start | end | show.</summary>
public sealed class CompetitionCommand(ChannelDirectory channels, CompetitionService competitions) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("competition", "Leaderboard competitions",
    [
        new("start", "Start a competition that runs until an end date",
        [
            new("name", "Name of the competition", OptionKind.Text, Required: true, MaxLength: 80),
            new("end", "Last day, yyyy-MM-dd, in the group's time zone", OptionKind.Text, Required: true, MaxLength: 10),
        ], Access: CommandAccess.Admin, Example: "/competition start name:December end:2026-12-20"),
        new("end", "End the running competition now and post the final standings", [], Access: CommandAccess.Admin, Example: "/competition end"),
        new("show", "Standings of the running (or last) competition", [], Example: "/competition show"),
    ], []);

    CommandDefinition ICommandHandler.Definition => Definition;

    /// <summary>The commands competition messages point to, from their registrations.</summary>
    public static CompetitionCommands Commands { get; } = new(
        CommandUsage.Example(Definition, Definition.FindSubCommand("start")),
        CommandUsage.Invocation(LeaderboardCommand.Definition, null, ("period", "competition")));

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var endText = command.Arg("end");
        DateOnly end = default;
        if (command.SubCommand == "start" && !DateOnly.TryParseExact(endText!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
            return OutgoingMessage.PrivateText($"`end` must be a date like 2026-12-20, not `{CommandTextParser.Shorten(endText)}`.");
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        return command.SubCommand switch
        {
            "start" => CompetitionMessages.Start(await competitions.StartAsync(channel, command.Arg("name")!, end, cancellationToken), Commands),
            "end" => CompetitionMessages.End(await competitions.EndAsync(channel, cancellationToken), Commands),
            _ => CompetitionMessages.Show(await competitions.ShowAsync(channel, command.User.Id, cancellationToken), Commands),
        };
    }
}
