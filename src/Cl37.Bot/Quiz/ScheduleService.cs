using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Stores a channel's daily schedule; the scheduler listens to <see cref="Changed"/> so
/// edits take effect without a restart.</summary>
public sealed class ScheduleService(IDbContextFactory<BotDbContext> factory, TimeProvider time)
{
    /// <summary>Raised with the channel id after a schedule was set or switched off.</summary>
    public event Action<long>? Changed;

    /// <summary>Tells the scheduler a channel's schedule row changed outside a schedule command.</summary>
    public void NotifyChanged(long channelId) => Changed?.Invoke(channelId);

    public async Task<OutgoingMessage> SetAsync(ChannelInfo channel, ScheduleRequest request, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.ChannelId == channel.ChannelId, cancellationToken);
        if (schedule is null)
        {
            schedule = new QuizSchedule { ChannelId = channel.ChannelId, TimeZone = request.Zone.Id };
            db.Schedules.Add(schedule);
        }
        schedule.TimeOfDayMinutes = request.At.Hour * 60 + request.At.Minute;
        schedule.TimeZone = request.Zone.Id;
        schedule.DaysMask = request.Days;
        schedule.WindowMinutes = request.WindowMinutes;
        schedule.HideResults = request.HideResults;
        schedule.DeckId = request.DeckId;
        schedule.Enabled = true;
        schedule.PausedByRemovalUtc = null;
        schedule.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(channel.ChannelId);
        return OutgoingMessage.PublicText("📅 " + Describe(schedule) + await NextAsync(db, schedule, cancellationToken));
    }

    public async Task<OutgoingMessage> ShowAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channel.ChannelId, cancellationToken);
        return schedule is null || !schedule.Enabled
            ? OutgoingMessage.PrivateText("This channel has no daily question. Admins set one with `/quiz schedule set 09:00 Europe/Berlin mon-fri`.")
            : OutgoingMessage.PrivateText("📅 " + Describe(schedule) + await NextAsync(db, schedule, cancellationToken));
    }

    public async Task<OutgoingMessage> OffAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Schedules.Where(s => s.ChannelId == channel.ChannelId && (s.Enabled || s.PausedByRemovalUtc != null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.PausedByRemovalUtc, (DateTime?)null)
                .SetProperty(x => x.UpdatedUtc, time.GetUtcNow().UtcDateTime), cancellationToken);
        Changed?.Invoke(channel.ChannelId);
        return changed == 0
            ? OutgoingMessage.PrivateText("This channel had no daily question to switch off.")
            : OutgoingMessage.PublicText("📅 The daily question in this channel is switched off. Answers and scores are kept.");
    }

    /// <summary>When the next question posts and its answers close, in the schedule's zone. A day
    /// whose question already went out gets no second one (the post is claimed per channel and local
    /// date), so a time later today names tomorrow's post, or the next posting day's.</summary>
    private async Task<string> NextAsync(BotDbContext db, QuizSchedule s, CancellationToken cancellationToken)
    {
        var schedule = DailySchedule.From(s);
        var now = time.GetUtcNow();
        var today = schedule.LocalDate(now);
        var posted = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == s.ChannelId && p.ScheduledDate != null && p.ScheduledDate >= today)
            .Select(p => p.ScheduledDate!.Value).ToListAsync(cancellationToken);
        var next = schedule.NextAfter(now);
        while (next is { } n && posted.Contains(n.Date))
            next = schedule.NextAfter(n.At);
        if (next is not { } found)
            return "";
        var at = TimeZoneInfo.ConvertTime(found.At, schedule.Zone);
        var closes = TimeZoneInfo.ConvertTime(found.Closes, schedule.Zone);
        return string.Create(CultureInfo.InvariantCulture, $" Next question: {at:ddd yyyy-MM-dd HH:mm}; its answers close {closes:ddd yyyy-MM-dd HH:mm}.");
    }

    public static string Describe(QuizSchedule s)
    {
        var at = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(s.TimeOfDayMinutes));
        var window = s.WindowMinutes is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"answers stay open {w / 60.0:0.##} h")
            : "answers stay open until 1 hour before the next question";
        return string.Create(CultureInfo.InvariantCulture,
            $"Daily question at {at:HH:mm} ({s.TimeZone}), {WeekDays.Describe(s.DaysMask)}; {window}; results {(s.HideResults ? "shown at the reveal" : "shown at once")}{(s.DeckId is null ? "" : $"; deck {s.DeckId}")}.");
    }
}
