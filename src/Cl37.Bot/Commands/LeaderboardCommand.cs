using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/leaderboard [week|month|all|competition] [page] [format].</summary>
public sealed class LeaderboardCommand(
    ChannelDirectory channels,
    LeaderboardService leaderboards,
    CompetitionService competitions,
    TimeProvider time)
{
    public static CommandUnit Unit { get; } = CommandUnit.Bind<LeaderboardCommand, (string Period, int Page, bool Csv)>(
        new("leaderboard", "The group's leaderboard", [],
        [
            new("period", "week, month, all or competition", OptionKind.Text, Choices: ["week", "month", "all", "competition"]),
            new("page", "Page number", OptionKind.Integer, MinValue: 1, MaxValue: 10_000),
            new("format", "table, or csv (admins) to export", OptionKind.Text, Choices: ["table", "csv"], AdminOnlyValue: "csv"),
        ], Example: "/leaderboard period:week"),
        c => ((c.Arg("period") ?? "week").ToLowerInvariant(),
              int.TryParse(c.Arg("page"), out var page) ? page : 1,
              string.Equals(c.Arg("format"), "csv", StringComparison.OrdinalIgnoreCase)),
        (handler, args, context, ct) => handler.ShowAsync(context, args.Period, args.Page, args.Csv, ct));

    public static CommandDefinition Definition => Unit.Definition;

    public async Task<OutgoingMessage> ShowAsync(CommandContext context, string periodName, int page, bool csv, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        var local = PeriodKeys.LocalDate(time.GetUtcNow().UtcDateTime, TimeZones.FindOrUtc(channel.TimeZone));
        string key, title;
        switch (periodName)
        {
            case "month":
                key = PeriodKeys.Month(local);
                title = LeaderboardMessages.MonthTitle(local);
                break;
            case "all":
                key = PeriodKeys.AllTime;
                title = LeaderboardMessages.AllTimeTitle;
                break;
            case "competition":
                if (await competitions.LatestAsync(channel.GroupId, cancellationToken) is not { } c)
                    return CompetitionMessages.NoneYet(CompetitionCommand.Commands);
                key = PeriodKeys.Competition(c.Id);
                title = LeaderboardMessages.CompetitionTitle(c);
                break;
            default:
                key = PeriodKeys.Week(local);
                title = LeaderboardMessages.WeekTitle(key);
                break;
        }

        if (csv)
        {
            var export = await leaderboards.ExportCsvAsync(channel.GroupId, key, cancellationToken);
            var file = FileAttachment.Text($"leaderboard-{periodName}-{key}.csv", "text/csv", export);
            var rows = export.Count(ch => ch == '\n') - 1;
            return OutgoingMessage.PrivateText(FileMessages.Export(title, file, rows, "row")) with { Files = [file] };
        }

        var result = await leaderboards.GetPageAsync(channel.GroupId, key, page, context.User.Id, cancellationToken);
        return LeaderboardMessages.ToMessage(title, result, isPrivate: false, askedPage: page);
    }
}
