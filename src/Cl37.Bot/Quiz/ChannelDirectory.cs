using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Quiz;

/// <summary>Groups and channels by their platform ids; creates them on first use. Platforms keep
/// opaque data per channel here (a Teams conversation reference) to reach it later.</summary>
public sealed class ChannelDirectory(IDbContextFactory<BotDbContext> factory, ScheduleChanges scheduleChanges, TimeProvider time, IOptions<QuizOptions> options)
{
    public async Task<ChannelInfo> EnsureAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (group, row) = await EnsureRowsAsync(db, channel, cancellationToken);
        return ToInfo(group, row, channel);
    }

    public async Task RegisterAsync(ChannelRef channel, string? platformData, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (_, row) = await EnsureRowsAsync(db, channel, cancellationToken);
        if (row.PlatformData == platformData)
            return;
        row.PlatformData = platformData;
        // The app is back: a schedule paused by its removal runs again, as the group left it.
        var paused = platformData is null ? null
            : await db.Schedules.FirstOrDefaultAsync(s => s.ChannelId == row.Id && s.PausedByRemovalUtc != null, cancellationToken);
        if (paused is not null)
        {
            paused.Enabled = true;
            paused.PausedByRemovalUtc = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (paused is not null)
            scheduleChanges.Notify(row.Id);
    }

    public async Task<string?> GetPlatformDataAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await (from c in db.Channels
                      join g in db.Groups on c.GroupId equals g.Id
                      where g.Platform == channel.Platform && g.ExternalId == channel.GroupId && c.ExternalId == channel.ChannelId
                      select c.PlatformData).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Forgets how to reach a channel (the app was uninstalled); its history stays, and its
    /// schedule is paused until the app is added back.</summary>
    public async Task UnregisterAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await (from c in db.Channels
                         join g in db.Groups on c.GroupId equals g.Id
                         where g.Platform == channel.Platform && g.ExternalId == channel.GroupId && c.ExternalId == channel.ChannelId
                         select c).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return;
        row.PlatformData = null;
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.ChannelId == row.Id && s.Enabled, cancellationToken);
        if (schedule is not null)
        {
            schedule.Enabled = false;
            schedule.PausedByRemovalUtc = time.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (schedule is not null)
            scheduleChanges.Notify(row.Id);
    }

    /// <summary>Forgets how to reach every channel of the channel's group (the app was removed from the
    /// whole team); their history stays, and their schedules are paused until the app is added back.</summary>
    public async Task UnregisterGroupAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Channels
                          join g in db.Groups on c.GroupId equals g.Id
                          where g.Platform == channel.Platform && g.ExternalId == channel.GroupId
                          select c).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return;
        var ids = rows.Select(r => r.Id).ToList();
        var schedules = await db.Schedules.Where(s => ids.Contains(s.ChannelId) && s.Enabled).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
            row.PlatformData = null;
        foreach (var schedule in schedules)
        {
            schedule.Enabled = false;
            schedule.PausedByRemovalUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var schedule in schedules)
            scheduleChanges.Notify(schedule.ChannelId);
    }

    /// <summary>The app is back in the channel's group: the other channels whose schedules its removal
    /// paused are reachable again (<paramref name="platformDataFor"/> their id) and run again.</summary>
    public async Task RestoreGroupAsync(ChannelRef channel, Func<string, string> platformDataFor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var paused = await (from c in db.Channels
                            join g in db.Groups on c.GroupId equals g.Id
                            join s in db.Schedules on c.Id equals s.ChannelId
                            where g.Platform == channel.Platform && g.ExternalId == channel.GroupId && c.ExternalId != channel.ChannelId
                                && s.PausedByRemovalUtc != null
                            select new { Channel = c, Schedule = s }).ToListAsync(cancellationToken);
        if (paused.Count == 0)
            return;
        foreach (var p in paused)
        {
            p.Channel.PlatformData ??= platformDataFor(p.Channel.ExternalId);
            p.Schedule.Enabled = true;
            p.Schedule.PausedByRemovalUtc = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var p in paused)
            scheduleChanges.Notify(p.Channel.Id);
    }

    public async Task<ChannelInfo?> FindAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pair = await (from c in db.Channels
                          join g in db.Groups on c.GroupId equals g.Id
                          where c.Id == channelId
                          select new { c, g }).FirstOrDefaultAsync(cancellationToken);
        return pair is null ? null : ToInfo(pair.g, pair.c, new ChannelRef(pair.g.Platform, pair.g.ExternalId, pair.c.ExternalId));
    }

    private async Task<(QuizGroup Group, QuizChannel Channel)> EnsureRowsAsync(BotDbContext db, ChannelRef channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Platform == channel.Platform && g.ExternalId == channel.GroupId, cancellationToken);
        if (group is null)
        {
            group = new QuizGroup { Platform = channel.Platform, ExternalId = channel.GroupId, TimeZone = options.Value.DefaultTimeZone, CreatedUtc = now };
            db.Groups.Add(group);
            if (!await TrySaveAsync(db, cancellationToken))
                group = await db.Groups.FirstAsync(g => g.Platform == channel.Platform && g.ExternalId == channel.GroupId, cancellationToken);
        }
        var row = await db.Channels.FirstOrDefaultAsync(c => c.GroupId == group.Id && c.ExternalId == channel.ChannelId, cancellationToken);
        if (row is null)
        {
            row = new QuizChannel { GroupId = group.Id, ExternalId = channel.ChannelId, CreatedUtc = now };
            db.Channels.Add(row);
            if (!await TrySaveAsync(db, cancellationToken))
                row = await db.Channels.FirstAsync(c => c.GroupId == group.Id && c.ExternalId == channel.ChannelId, cancellationToken);
        }
        return (group, row);
    }

    // Two first messages from a new channel can race; the unique index decides and the loser re-reads.
    private static async Task<bool> TrySaveAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static ChannelInfo ToInfo(QuizGroup g, QuizChannel c, ChannelRef channel) =>
        new(g.Id, c.Id, channel, g.TimeZone, c.DeckId, g.StreakBonus, g.SpeedBonus, g.EveryoneCanPost, g.HideResults);
}
