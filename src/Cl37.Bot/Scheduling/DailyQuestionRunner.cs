using System.Collections.Concurrent;
using Cl37.Bot.Data;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Scheduling;

/// <summary>What the scheduled jobs do, callable with any clock: post a channel's daily question
/// when it is owed, catch up every channel, and sweep reveals, competition ends and unsent posts.</summary>
public sealed class DailyQuestionRunner(
    IDbContextFactory<BotDbContext> factory,
    ChannelDirectory channels,
    QuestionPoster poster,
    RevealPoster reveals,
    StandingsPoster standings,
    TimeProvider time,
    ILogger<DailyQuestionRunner> logger)
{
    // Channel → the last post (local date, slot) an attempt returned an answer for, so sweeps skip it.
    private readonly ConcurrentDictionary<long, (DateOnly Date, int Slot)> _handled = new();

    /// <summary>Posts the channel's question if one is owed now (see <see cref="DailySchedule.DueAt"/>);
    /// null when nothing was due. The claim in <see cref="QuestionPoster"/> makes a second call for the
    /// same local date and slot, from this process or another, answer AlreadyPosted.</summary>
    public async Task<PostResult?> PostIfDueAsync(long channelId, CancellationToken cancellationToken)
    {
        QuizSchedule? row;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId && s.Enabled, cancellationToken);
        }
        if (row is null)
            return null;
        var now = time.GetUtcNow();
        var setAt = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedUtc, DateTimeKind.Utc));
        if (DailySchedule.From(row).DueAt(now, setAt) is not { } due)
            return null;
        var channel = await channels.FindAsync(channelId, cancellationToken);
        if (channel is null)
            return null;
        var result = await poster.PostNextAsync(channel, due.Date, due.Slot, due.Closes.UtcDateTime, row.DeckId, row.HideResults, cancellationToken);
        _handled[channelId] = (due.Date, due.Slot);
        if (result.Outcome is PostOutcome.Posted or PostOutcome.AlreadyPosted)
            logger.LogInformation("Daily question for channel {ChannelId} on {Date} at {At:HH:mm}: {Outcome}", channelId, due.Date, due.At, result.Outcome);
        else
            logger.LogWarning("Daily question for channel {ChannelId} on {Date} at {At:HH:mm}: {Outcome} ({Platform}, deck {DeckId})", channelId, due.Date, due.At, result.Outcome, result.Platform, row.DeckId ?? "all");
        return result;
    }

    /// <summary>Posts every enabled channel's question that is owed now and was not attempted yet
    /// (the bot was down at posting time, or the attempt failed before its claim, e.g. a busy
    /// database); returns how many went out. Runs at start and with every sweep.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        List<QuizSchedule> rows;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            rows = await db.Schedules.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        var posted = 0;
        foreach (var row in rows)
        {
            var setAt = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedUtc, DateTimeKind.Utc));
            if (DailySchedule.From(row).DueAt(now, setAt) is not { } due
                || (_handled.TryGetValue(row.ChannelId, out var handled) && handled == (due.Date, due.Slot)))
                continue;
            try
            {
                if ((await PostIfDueAsync(row.ChannelId, cancellationToken))?.Outcome == PostOutcome.Posted)
                    posted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily question for channel {ChannelId} failed; the next sweep tries again", row.ChannelId);
            }
        }
        return posted;
    }

    /// <summary>Resends claimed posts that never reached their platform, reveals closed questions
    /// and ends due competitions, in that order (a resent post may itself be due for its reveal).</summary>
    public async Task<(int Resent, int Revealed, int Ended)> SweepAsync(CancellationToken cancellationToken)
    {
        var resent = await poster.ResumeUnsentAsync(cancellationToken);
        var revealed = await reveals.RevealDueAsync(cancellationToken);
        var ended = await standings.EndDueAsync(cancellationToken);
        if (resent + revealed + ended > 0)
            logger.LogInformation("Sweep: {Resent} resent, {Revealed} revealed, {Ended} competitions ended", resent, revealed, ended);
        return (resent, revealed, ended);
    }
}
