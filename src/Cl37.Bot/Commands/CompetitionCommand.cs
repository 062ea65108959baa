using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/competition start | end | show.</summary>
public sealed class CompetitionCommand(ChannelDirectory channels, CompetitionService competitions)
{
    private static readonly SubCommandUnit Start = SubCommandUnit.Bind<CompetitionCommand, (string Name, string End)>(
        new("start", "Start a competition that runs until an end date",
        [
            new("name", "Name of the competition", OptionKind.Text, Required: true, MaxLength: 80),
            new("end", "Last day, yyyy-MM-dd, in the group's time zone", OptionKind.Text, Required: true, MaxLength: 10),
        ], Access: CommandAccess.Admin, Example: "/competition start name:December end:2026-12-20"),
        c => (c.Arg("name")!, c.Arg("end")!),
        (handler, args, context, ct) => handler.StartAsync(context, args.Name, args.End, ct));

    public static CommandUnit Unit { get; } = CommandUnit.WithSubCommands("competition", "Leaderboard competitions",
    [
        Start,
        SubCommandUnit.Bind<CompetitionCommand>(
            new("end", "End the running competition now and post the final standings", [], Access: CommandAccess.Admin, Example: "/competition end"),
            (handler, context, ct) => handler.EndAsync(context, ct)),
        SubCommandUnit.Bind<CompetitionCommand>(
            new("show", "Standings of the running (or last) competition", [], Example: "/competition show"),
            (handler, context, ct) => handler.ShowAsync(context, ct)),
    ]);

    public static CommandDefinition Definition => Unit.Definition;

    /// <summary>The commands competition messages point to, from their registrations.</summary>
    public static CompetitionCommands Commands { get; } = new(
        CommandUsage.Example(Definition, Start.Definition),
        CommandUsage.Invocation(LeaderboardCommand.Definition, null, ("period", "competition")));

    public async Task<OutgoingMessage> StartAsync(CommandContext context, string name, string endText, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(endText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return CompetitionMessages.BadEndDate(endText);
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return CompetitionMessages.Start(await competitions.StartAsync(channel, name, end, cancellationToken), Commands);
    }

    public async Task<OutgoingMessage> EndAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return CompetitionMessages.End(await competitions.EndAsync(channel, cancellationToken), Commands);
    }

    public async Task<OutgoingMessage> ShowAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return CompetitionMessages.Show(await competitions.ShowAsync(channel, context.User.Id, cancellationToken), Commands);
    }
}
