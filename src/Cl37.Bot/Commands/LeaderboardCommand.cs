using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Commands;

/// <summary>/leaderboard [week|month|all|competition] [page] [format].</summary>
public sealed class LeaderboardCommand(
    ChannelDirectory channels,
    LeaderboardService leaderboards,
    IDbContextFactory<BotDbContext> factory,
    TimeProvider time) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("leaderboard", "The group's leaderboard", [],
    [
        new("period", "week, month, all or competition", OptionKind.Text, Choices: ["week", "month", "all", "competition"]),
        new("page", "Page number", OptionKind.Integer, MinValue: 1, MaxValue: 10_000),
        new("format", "table, or csv (admins) to export", OptionKind.Text, Choices: ["table", "csv"], AdminOnlyValue: "csv"),
    ], Example: "/leaderboard period:week");

    CommandDefinition ICommandHandler.Definition => Definition;

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        var periodName = (command.Arg("period") ?? "week").ToLowerInvariant();
        var local = PeriodKeys.LocalDate(time.GetUtcNow().UtcDateTime, TimeZones.FindOrUtc(channel.TimeZone));
        string key, title;
        switch (periodName)
        {
            case "month":
                key = PeriodKeys.Month(local);
                title = $"Leaderboard · {local:MMMM yyyy}";
                break;
            case "all":
                key = PeriodKeys.AllTime;
                title = "Leaderboard · all time";
                break;
            case "competition":
                await using (var db = await factory.CreateDbContextAsync(cancellationToken))
                {
                    var c = await db.Competitions.AsNoTracking().Where(x => x.GroupId == channel.GroupId).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
                    if (c is null)
                        return CompetitionMessages.NoneYet(CompetitionCommand.Commands);
                    key = PeriodKeys.Competition(c.Id);
                    title = $"Leaderboard · {c.Name}{(c.EndedUtc is null ? "" : " (final)")}";
                }
                break;
            default:
                key = PeriodKeys.Week(local);
                title = $"Leaderboard · this week ({key[1..]})";
                break;
        }

        if (string.Equals(command.Arg("format"), "csv", StringComparison.OrdinalIgnoreCase))
        {
            var csv = await leaderboards.ExportCsvAsync(channel.GroupId, key, cancellationToken);
            var file = FileAttachment.Text($"leaderboard-{periodName}-{key}.csv", "text/csv", csv);
            var rows = csv.Count(c => c == '\n') - 1;
            return OutgoingMessage.PrivateText(FileMessages.Export(title, file, rows, "row")) with { Files = [file] };
        }

        var page = int.TryParse(command.Arg("page"), out var p) ? p : 1;
        var result = await leaderboards.GetPageAsync(channel.GroupId, key, page, command.User.Id, cancellationToken);
        return LeaderboardMessages.ToMessage(title, result, isPrivate: false, askedPage: page);
    }
}
