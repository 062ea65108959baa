using System.Collections.Concurrent;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Text;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Competitions: one running per group, scored through its own leaderboard period,
/// frozen with its final standings when it ends.</summary>
public sealed class CompetitionService(
    IDbContextFactory<BotDbContext> factory,
    LeaderboardService leaderboards,
    TimeProvider time)
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

    /// <summary>The group's running or most recent competition, or null when it has had none.</summary>
    public async Task<CompetitionSummary?> LatestAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Competitions.AsNoTracking().Where(x => x.GroupId == groupId).OrderByDescending(x => x.Id)
            .Select(x => new CompetitionSummary(x.Id, x.Name, x.EndedUtc != null)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<CompetitionStart> StartAsync(ChannelInfo channel, string name, DateOnly end, CancellationToken cancellationToken)
    {
        name = DisplayNames.Clean(name);
        var zone = TimeZones.FindOrUtc(channel.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;
        var today = PeriodKeys.LocalDate(now, zone);
        CompetitionStart Result(CompetitionStartOutcome outcome) => new(outcome, name, end, today, zone);
        if (end < today)
            return Result(CompetitionStartOutcome.EndPassed);
        if (end > today.AddYears(1))
            return Result(CompetitionStartOutcome.TooLong);
        var endUtc = LocalMidnightUtc(end.AddDays(1), zone);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Competitions.AnyAsync(c => c.GroupId == channel.GroupId && c.EndedUtc == null, cancellationToken))
            return Result(CompetitionStartOutcome.AlreadyRunning);
        db.Competitions.Add(new Competition { GroupId = channel.GroupId, ChannelId = channel.ChannelId, Name = name, StartUtc = now, EndUtc = endUtc });
        await db.SaveChangesAsync(cancellationToken);
        _running.TryRemove(channel.GroupId, out _);
        return Result(CompetitionStartOutcome.Started);
    }

    /// <summary>Ends the group's running competition; its final standings when this call ended it.</summary>
    public async Task<CompetitionEnd> EndAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var c = await db.Competitions.Where(x => x.GroupId == channel.GroupId && x.EndedUtc == null).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
            return new CompetitionEnd(CompetitionEndOutcome.NoneRunning, null);
        var standings = await FreezeAsync(db, c, cancellationToken);
        return standings is null ? new CompetitionEnd(CompetitionEndOutcome.AlreadyEnded, null) : new CompetitionEnd(CompetitionEndOutcome.Ended, standings);
    }

    /// <summary>The standings of the group's running (or last) competition, or null when it never had one.</summary>
    public async Task<CompetitionStandings?> ShowAsync(ChannelInfo channel, string requesterExternalId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var c = await db.Competitions.AsNoTracking().Where(x => x.GroupId == channel.GroupId).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
            return null;
        var page = await leaderboards.GetPageAsync(c.GroupId, PeriodKeys.Competition(c.Id), 1, requesterExternalId, cancellationToken);
        var zone = TimeZones.FindOrUtc(channel.TimeZone);
        return new CompetitionStandings(c.ChannelId, c.Name, c.EndedUtc is not null, LastDay(c.EndUtc, zone), zone, page);
    }

    // EndUtc is the local midnight after the last day.
    private static DateOnly LastDay(DateTime endUtc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone)).AddDays(-1);

    /// <summary>Ends every competition whose end has passed: the final standings of those this call ended.</summary>
    public async Task<IReadOnlyList<CompetitionStandings>> EndDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await db.Competitions.Where(c => c.EndedUtc == null && c.EndUtc <= now).ToListAsync(cancellationToken);
        var ended = new List<CompetitionStandings>();
        foreach (var c in due)
        {
            if (await FreezeAsync(db, c, cancellationToken) is { } standings)
                ended.Add(standings);
        }
        return ended;
    }

    // Claim first (EndedUtc set only where still null) so two replicas never both post the end.
    private async Task<CompetitionStandings?> FreezeAsync(BotDbContext db, Competition c, CancellationToken cancellationToken)
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
        var zone = TimeZones.FindOrUtc(await db.Groups.Where(g => g.Id == c.GroupId).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken));
        return new CompetitionStandings(c.ChannelId, c.Name, Ended: true, LastDay(c.EndUtc, zone), zone, page);
    }

    internal static DateTime LocalMidnightUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
