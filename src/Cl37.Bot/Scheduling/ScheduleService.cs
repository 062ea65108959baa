using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Scheduling;

/// <summary>Stores a channel's daily schedule and announces each change on <see cref="ScheduleChanges"/>,
/// which the scheduler follows so edits take effect without a restart.</summary>
public sealed class ScheduleService(IDbContextFactory<BotDbContext> factory, ScheduleChanges changes, TimeProvider time)
{
    /// <summary>Stores the channel's schedule and returns it as stored.</summary>
    public async Task<ScheduleView> SetAsync(ChannelInfo channel, ScheduleRequest request, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.ChannelId == channel.ChannelId, cancellationToken);
        if (schedule is null)
        {
            schedule = new QuizSchedule { ChannelId = channel.ChannelId, TimeZone = request.Zone.Id };
            db.Schedules.Add(schedule);
        }
        var minutes = request.Times.Select(t => t.Hour * 60 + t.Minute).ToList();
        ScheduleTimes.Store(schedule, minutes);
        schedule.TimeZone = request.Zone.Id;
        schedule.DaysMask = request.Days;
        schedule.WindowMinutes = request.WindowMinutes;
        schedule.HideResults = request.HideResults;
        schedule.DeckId = request.DeckId;
        schedule.Enabled = true;
        schedule.PausedByRemovalUtc = null;
        schedule.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        changes.Notify(channel.ChannelId);
        return await ViewAsync(db, schedule, cancellationToken);
    }

    /// <summary>The channel's schedule, or null when it has none running.</summary>
    public async Task<ScheduleView?> ShowAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channel.ChannelId, cancellationToken);
        return schedule is null || !schedule.Enabled ? null : await ViewAsync(db, schedule, cancellationToken);
    }

    /// <summary>The channel's daily question while its answers are open, or null when none is.</summary>
    public async Task<OpenDailyQuestion?> OpenDailyAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var closes = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == channel.ChannelId && p.PracticePersonId == null && p.ScheduledDate != null
                        && p.RevealedUtc == null && p.ClosesUtc != null && p.ClosesUtc > now)
            .OrderByDescending(p => p.Id).Select(p => p.ClosesUtc).FirstOrDefaultAsync(cancellationToken);
        if (closes is not { } utc)
            return null;
        var zoneName = await db.Schedules.AsNoTracking().Where(s => s.ChannelId == channel.ChannelId).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = TimeZones.FindOrUtc(zoneName ?? channel.TimeZone);
        return new OpenDailyQuestion(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), zone.Id);
    }

    /// <summary>Switches the channel's schedule off; false when it had none to switch off.</summary>
    public async Task<bool> OffAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Schedules.Where(s => s.ChannelId == channel.ChannelId && (s.Enabled || s.PausedByRemovalUtc != null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.PausedByRemovalUtc, (DateTime?)null)
                .SetProperty(x => x.UpdatedUtc, time.GetUtcNow().UtcDateTime), cancellationToken);
        changes.Notify(channel.ChannelId);
        return changed > 0;
    }

    /// <summary>The schedule with when the next question posts and its answers close, in the
    /// schedule's zone. A post is claimed per channel, local date and slot (the n-th time of the day),
    /// so a slot whose question already went out today is skipped for the next one.</summary>
    private async Task<ScheduleView> ViewAsync(BotDbContext db, QuizSchedule s, CancellationToken cancellationToken)
    {
        var schedule = DailySchedule.From(s);
        var now = time.GetUtcNow();
        var today = schedule.LocalDate(now);
        var posted = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == s.ChannelId && p.ScheduledDate != null && p.ScheduledDate >= today)
            .Select(p => new { Date = p.ScheduledDate!.Value, p.ScheduledSlot }).ToListAsync(cancellationToken);
        var next = schedule.NextAfter(now);
        while (next is { } n && posted.Any(p => p.Date == n.Date && p.ScheduledSlot == n.Slot))
            next = schedule.NextAfter(n.At);
        return new ScheduleView(
            [.. schedule.TimesOfDayMinutes.Select(m => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)))], s.TimeZone, s.DaysMask, s.WindowMinutes, s.HideResults, s.DeckId,
            next is { } found ? TimeZoneInfo.ConvertTime(found.At, schedule.Zone) : null,
            next is { } f ? TimeZoneInfo.ConvertTime(f.Closes, schedule.Zone) : null);
    }
}
