using System.Collections.Concurrent;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Competitions: one running per group, scored through its own leaderboard period,
/// frozen with its final standings posted when it ends.</summary>
public sealed class CompetitionService(
    IDbContextFactory<BotDbContext> factory,
    LeaderboardService leaderboards,
    ChannelDirectory channels,
    ChatPlatforms platforms,
    TimeProvider time,
    ILogger<CompetitionService> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<long, (long? Id, DateTime EndUtc, DateTime Until)> _running = new();

    /// <summary>The id of the competition running in a group at <paramref name="nowUtc"/>, if any.</summary>
    public async Task<long?> RunningIdAsync(long groupId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(groupId, out var cached) && cached.Until > nowUtc)
            return cached.Id is not null && nowUtc < cached.EndUtc ? cached.Id : null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var c = await db.Competitions.AsNoTracking()
            .Where(x => x.GroupId == groupId && x.EndedUtc == null && x.StartUtc <= nowUtc)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        _running[groupId] = (c?.Id, c?.EndUtc ?? DateTime.MinValue, nowUtc + CacheFor);
        return c is not null && nowUtc < c.EndUtc ? c.Id : null;
    }

    public async Task<OutgoingMessage> StartAsync(ChannelInfo channel, string name, DateOnly end, CancellationToken cancellationToken)
    {
        name = DisplayNames.Clean(name);
        var zone = TimeZones.FindOrUtc(channel.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;
        var today = PeriodKeys.LocalDate(now, zone);
        if (end < today)
            return OutgoingMessage.PrivateText($"The end date {end:yyyy-MM-dd} is already past (today is {today:yyyy-MM-dd} in {zone.Id}).");
        if (end > today.AddYears(1))
            return OutgoingMessage.PrivateText("A competition can run for at most a year.");
        var endUtc = LocalMidnightUtc(end.AddDays(1), zone);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Competitions.AnyAsync(c => c.GroupId == channel.GroupId && c.EndedUtc == null, cancellationToken))
            return OutgoingMessage.PrivateText("A competition is already running. End it first with `/competition end`.");
        db.Competitions.Add(new Competition { GroupId = channel.GroupId, ChannelId = channel.ChannelId, Name = name, StartUtc = now, EndUtc = endUtc });
        await db.SaveChangesAsync(cancellationToken);
        _running.TryRemove(channel.GroupId, out _);
        return OutgoingMessage.PublicText($"🏁 Competition **{name}** has started! It runs {RunsUntil(end, zone)}. Every scored answer from now counts. `/leaderboard competition` shows the standings.");
    }

    public async Task<OutgoingMessage> EndAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var c = await db.Competitions.Where(x => x.GroupId == channel.GroupId && x.EndedUtc == null).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
            return OutgoingMessage.PrivateText("No competition is running. Start one with `/competition start <name> <end date>`.");
        var standings = await FreezeAsync(db, c, cancellationToken);
        return standings ?? OutgoingMessage.PrivateText("The competition already ended.");
    }

    public async Task<OutgoingMessage> ShowAsync(ChannelInfo channel, string requesterExternalId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var c = await db.Competitions.AsNoTracking().Where(x => x.GroupId == channel.GroupId).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
            return OutgoingMessage.PrivateText("There has been no competition yet. Admins start one with `/competition start <name> <end date>`.");
        var page = await leaderboards.GetPageAsync(c.GroupId, PeriodKeys.Competition(c.Id), 1, requesterExternalId, cancellationToken);
        var state = c.EndedUtc is null ? "running " + RunsUntil(c.EndUtc, TimeZones.FindOrUtc(channel.TimeZone)) : "final standings";
        return LeaderboardService.ToMessage($"🏆 {c.Name} — {state}", page, isPrivate: true);
    }

    /// <summary>The one wording of a competition's end everywhere: "until the end of 2026-12-31 (Europe/Berlin)".</summary>
    private static string RunsUntil(DateOnly lastDay, TimeZoneInfo zone) => $"until the end of {lastDay:yyyy-MM-dd} ({zone.Id})";

    // EndUtc is the local midnight after the last day.
    private static string RunsUntil(DateTime endUtc, TimeZoneInfo zone) =>
        RunsUntil(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone)).AddDays(-1), zone);

    /// <summary>Ends every competition whose end has passed and posts its final standings.</summary>
    public async Task<int> EndDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await db.Competitions.Where(c => c.EndedUtc == null && c.EndUtc <= now).ToListAsync(cancellationToken);
        foreach (var c in due)
        {
            if (await FreezeAsync(db, c, cancellationToken) is { } message)
            {
                var info = await channels.FindAsync(c.ChannelId, cancellationToken);
                if (info is not null && platforms.Find(info.Channel.Platform) is { } platform)
                {
                    try
                    {
                        await platform.PostAsync(info.Channel, message, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Posting the final standings of competition {Id} failed", c.Id);
                    }
                }
            }
        }
        return due.Count;
    }

    // Claim first (EndedUtc set only where still null) so two replicas never both post the end.
    private async Task<OutgoingMessage?> FreezeAsync(BotDbContext db, Competition c, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.Competitions.Where(x => x.Id == c.Id && x.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), cancellationToken);
        _running.TryRemove(c.GroupId, out _);
        if (claimed == 0)
            return null;
        var period = PeriodKeys.Competition(c.Id);
        var csv = await leaderboards.ExportCsvAsync(c.GroupId, period, cancellationToken);
        await db.Competitions.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FinalStandings, csv), cancellationToken);
        var page = await leaderboards.GetPageAsync(c.GroupId, period, 1, null, cancellationToken);
        return LeaderboardService.ToMessage($"🏆 {c.Name} has ended — final standings", page, isPrivate: false);
    }

    internal static DateTime LocalMidnightUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
