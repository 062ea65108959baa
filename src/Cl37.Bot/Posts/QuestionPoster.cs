using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Posts;

/// <summary>Posts questions into channels.
/// Order for exactly once: (1) claim — insert the post row, unique per (channel, scheduled date, slot);
/// (2) reveal the channel's previous open question; (3) take the row for this send and send it to
/// the platform within <see cref="SendTimeout"/>; (4) record the platform's message id. A claimed
/// row without a message id is a post that did not go out (crash or platform error) and is finished
/// by <see cref="ResumeUnsentAsync"/> while its window is open.</summary>
public sealed class QuestionPoster(
    IDbContextFactory<BotDbContext> factory,
    DeckLibrary decks,
    QuestionSelector selector,
    ChatPlatforms platforms,
    PostCache posts,
    RevealPoster reveals,
    QuizMetrics metrics,
    TimeProvider time,
    ILogger<QuestionPoster> logger)
{
    /// <param name="scheduledSlot">Which of the day's scheduled times this is, from 0; ignored without <paramref name="scheduledDate"/>.</param>
    public async Task<PostResult> PostNextAsync(ChannelInfo channel, DateOnly? scheduledDate, int scheduledSlot, DateTime? closesUtc, string? deckId, bool hideResults, CancellationToken cancellationToken)
    {
        var platform = platforms.Find(channel.Channel.Platform);
        if (platform is null)
            return new PostResult(PostOutcome.PlatformUnavailable, null, channel.Channel.Platform);

        QuestionPost post;
        Question question;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var next = await selector.NextForChannelAsync(db, channel.ChannelId, deckId ?? channel.DeckId, deckAsked: scheduledDate is null && deckId is not null, cancellationToken);
            if (next is null)
                return new PostResult(PostOutcome.NoQuestions, null, channel.Channel.Platform) { DeckId = deckId, Decks = [.. decks.For(channel.GroupId).Decks.Select(d => d.Id)] };
            question = next;
            post = new QuestionPost
            {
                ChannelId = channel.ChannelId,
                GroupId = channel.GroupId,
                QuestionId = question.Id,
                PostedUtc = time.GetUtcNow().UtcDateTime,
                ClosesUtc = closesUtc,
                ScheduledDate = scheduledDate,
                ScheduledSlot = scheduledDate is null ? 0 : scheduledSlot,
                HideResults = hideResults || channel.HideResults,
            };
            if (scheduledDate is { } day)
            {
                // The slot's claim: a second run racing for the same post (another replica, a repeated
                // fire) finds the row taken and stops here, a normal outcome rather than a failed insert.
                var claimed = await db.Database.SqlQuery<long>($"""
                    INSERT INTO "Posts" ("ChannelId", "GroupId", "QuestionId", "PostedUtc", "ClosesUtc", "ScheduledDate", "ScheduledSlot", "HideResults")
                    VALUES ({post.ChannelId}, {post.GroupId}, {post.QuestionId}, {post.PostedUtc}, {post.ClosesUtc}, {day}, {post.ScheduledSlot}, {post.HideResults})
                    ON CONFLICT ("ChannelId", "ScheduledDate", "ScheduledSlot") DO NOTHING
                    RETURNING "Id" AS "Value"
                    """).ToListAsync(cancellationToken);
                if (claimed.Count == 0)
                {
                    logger.LogDebug("The question of {Date} slot {Slot} in channel {ChannelId} was already claimed", day, post.ScheduledSlot, post.ChannelId);
                    return new PostResult(PostOutcome.AlreadyPosted, null, channel.Channel.Platform);
                }
                post.Id = claimed[0];
            }
            else
            {
                db.Posts.Add(post);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        // Only the claim's winner closes the channel's open question: a second instance (or a
        // repeated fire) for the same post must not reveal the question that was just posted.
        await reveals.RevealOpenInChannelAsync(channel.ChannelId, cancellationToken);
        return await SendAsync(platform, channel.Channel, post, question, cancellationToken);
    }

    /// <summary>A claim younger than this may still be on its way out from the poster that made it,
    /// so it is left alone; older ones are retried.</summary>
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long one send may take (the platform's own retries and rate-limit waits
    /// included). Shorter than <see cref="ResumeAfter"/>: a send still under way when its row could
    /// be taken over would go out twice.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Sends claimed posts that never reached their platform, while their window is open,
    /// revealing the channel's open question first as an on-time post would. Each send takes the row
    /// first (see <see cref="SendAsync"/>), so two sweeps or two replicas never send the same post twice.</summary>
    public async Task<int> ResumeUnsentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimedBefore = now - ResumeAfter;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var unsent = await (from p in db.Posts
                            join c in db.Channels on p.ChannelId equals c.Id
                            join g in db.Groups on c.GroupId equals g.Id
                            where p.MessageId == null && p.RevealedUtc == null && p.PracticePersonId == null && p.ScheduledDate != null
                                  && (p.ClosesUtc == null || p.ClosesUtc > now) && p.PostedUtc <= claimedBefore
                            select new { p, Channel = new ChannelRef(g.Platform, g.ExternalId, c.ExternalId) }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var u in unsent)
        {
            var question = decks.FindQuestion(u.p.QuestionId);
            if (question is null || platforms.Find(u.Channel.Platform) is not { } platform)
                continue;
            // The reveal at claim time fails when the platform is down; without this the open question stays open.
            await reveals.RevealOpenInChannelAsync(u.p.ChannelId, cancellationToken);
            var result = await SendAsync(platform, u.Channel, u.p, question, cancellationToken);
            if (result.Outcome == PostOutcome.Posted)
                sent++;
        }
        return sent;
    }

    /// <summary>Sends a post. A scheduled post is taken first — PostedUtc moves to now, only if nobody
    /// moved it since it was read — and sent within <see cref="SendTimeout"/>, so nobody else sends
    /// it meanwhile: the sweep leaves it alone for <see cref="ResumeAfter"/> after the take.</summary>
    private async Task<PostResult> SendAsync(IChatPlatform platform, ChannelRef channel, QuestionPost post, Question question, CancellationToken cancellationToken)
    {
        if (post.ScheduledDate is not null && !await TakeAsync(post, cancellationToken))
            return new PostResult(PostOutcome.AlreadyPosted, post.Id, channel.Platform) { InProgress = true };
        string messageId;
        try
        {
            using var deadline = new CancellationTokenSource(SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            messageId = await platform.PostAsync(channel, QuestionCards.Question(post.Id, question, 0, post.ClosesUtc, false), linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Posting question {QuestionId} to {Platform} failed", question.Id, channel.Platform);
            if (post.ScheduledDate is null)
            {
                // A manual post that never went out is forgotten: the person is told and can retry.
                await using var cleanup = await factory.CreateDbContextAsync(CancellationToken.None);
                await cleanup.Posts.Where(p => p.Id == post.Id && p.MessageId == null).ExecuteDeleteAsync(CancellationToken.None);
            }
            return new PostResult(PostOutcome.PlatformFailed, post.Id, channel.Platform);
        }
        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
        {
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.MessageId, messageId), CancellationToken.None);
        }
        posts.Invalidate(post.Id);
        metrics.QuestionPosted(channel.Platform);
        return new PostResult(PostOutcome.Posted, post.Id, channel.Platform) { Question = question };
    }

    private async Task<bool> TakeAsync(QuestionPost post, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var readUtc = post.PostedUtc;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // "<=", not "==": a take only moves PostedUtc forward, and the database may keep fewer digits than the value in hand.
        var taken = await db.Posts.Where(p => p.Id == post.Id && p.MessageId == null && p.PostedUtc <= readUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PostedUtc, now), cancellationToken);
        if (taken == 0)
            return false;
        post.PostedUtc = now;
        return true;
    }
}
