using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Posts questions and reveals into channels.
/// Order for exactly once: (1) claim — insert the post row, unique per (channel, scheduled date);
/// (2) reveal the channel's previous open question; (3) take the row for this send and send it to
/// the platform within <see cref="SendTimeout"/>; (4) record the platform's message id. A claimed
/// row without a message id is a post that did not go out (crash or platform error) and is finished
/// by <see cref="ResumeUnsentAsync"/> while its window is open. Reveals claim RevealedUtc first.</summary>
public sealed class QuizPoster(
    IDbContextFactory<BotDbContext> factory,
    DeckLibrary decks,
    QuestionSelector selector,
    ChatPlatforms platforms,
    PostCache posts,
    QuizMetrics metrics,
    TimeProvider time,
    ILogger<QuizPoster> logger)
{
    public async Task<PostResult> PostNextAsync(ChannelInfo channel, DateOnly? scheduledDate, DateTime? closesUtc, string? deckId, bool hideResults, CancellationToken cancellationToken)
    {
        var platform = platforms.Find(channel.Channel.Platform);
        if (platform is null)
            return new PostResult(PostOutcome.PlatformUnavailable, null, $"The {channel.Channel.Platform} platform is not enabled.");

        QuestionPost post;
        Question question;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var next = await selector.NextForChannelAsync(db, channel.ChannelId, deckId ?? channel.DeckId, cancellationToken);
            if (next is null)
                return new PostResult(PostOutcome.NoQuestions, null, deckId is null ? "There are no questions loaded." : $"The deck `{CommandTextParser.Shorten(deckId)}` has no questions. Decks: {string.Join(", ", decks.Decks.Select(d => d.Id))}.");
            question = next;
            post = new QuestionPost
            {
                ChannelId = channel.ChannelId,
                GroupId = channel.GroupId,
                QuestionId = question.Id,
                PostedUtc = time.GetUtcNow().UtcDateTime,
                ClosesUtc = closesUtc,
                ScheduledDate = scheduledDate,
                HideResults = hideResults || channel.HideResults,
            };
            if (scheduledDate is { } day)
            {
                // The day's claim: a second run racing for the same day (another replica, a repeated
                // fire) finds the row taken and stops here, a normal outcome rather than a failed insert.
                var claimed = await db.Database.SqlQuery<long>($"""
                    INSERT INTO "Posts" ("ChannelId", "GroupId", "QuestionId", "PostedUtc", "ClosesUtc", "ScheduledDate", "HideResults")
                    VALUES ({post.ChannelId}, {post.GroupId}, {post.QuestionId}, {post.PostedUtc}, {post.ClosesUtc}, {day}, {post.HideResults})
                    ON CONFLICT ("ChannelId", "ScheduledDate") DO NOTHING
                    RETURNING "Id" AS "Value"
                    """).ToListAsync(cancellationToken);
                if (claimed.Count == 0)
                {
                    logger.LogDebug("The question of {Date} in channel {ChannelId} was already claimed", day, post.ChannelId);
                    return new PostResult(PostOutcome.AlreadyPosted, null, "Today's question was already posted.");
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
        // repeated fire) for the same day must not reveal the question that was just posted.
        await RevealOpenInChannelAsync(channel.ChannelId, cancellationToken);
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
            await RevealOpenInChannelAsync(u.p.ChannelId, cancellationToken);
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
            return new PostResult(PostOutcome.AlreadyPosted, post.Id, "Today's question is being posted by another attempt.");
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
            return new PostResult(PostOutcome.PlatformFailed, post.Id, $"Posting to {channel.Platform} failed; it will be retried while the window is open.");
        }
        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
        {
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.MessageId, messageId), CancellationToken.None);
        }
        posts.Invalidate(post.Id);
        metrics.QuestionPosted(channel.Platform);
        return new PostResult(PostOutcome.Posted, post.Id, $"Posted {QuestionCards.Label(question)} ({question.Topic}).");
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

    /// <summary>Reveals every open question of a channel (a new one is about to be posted, or an admin closed it).</summary>
    public async Task<int> RevealOpenInChannelAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.Posts.Where(p => p.ChannelId == channelId && p.RevealedUtc == null && p.PracticePersonId == null && p.MessageId != null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in open)
        {
            if (await RevealAsync(id, cancellationToken))
                count++;
        }
        return count;
    }

    /// <summary>Reveals every question whose window has closed.</summary>
    public async Task<int> RevealDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await db.Posts.Where(p => p.RevealedUtc == null && p.ClosesUtc != null && p.ClosesUtc <= now && p.PracticePersonId == null && p.MessageId != null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in due)
        {
            if (await RevealAsync(id, cancellationToken))
                count++;
        }
        return count;
    }

    public async Task<bool> RevealAsync(long postId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Posts.Where(p => p.Id == postId && p.RevealedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevealedUtc, now), cancellationToken);
        posts.Invalidate(postId);
        if (claimed == 0)
            return false;

        var row = await (from p in db.Posts
                         join c in db.Channels on p.ChannelId equals c.Id
                         join g in db.Groups on c.GroupId equals g.Id
                         where p.Id == postId
                         select new { p, Channel = new ChannelRef(g.Platform, g.ExternalId, c.ExternalId), g.TimeZone }).AsNoTracking().FirstAsync(cancellationToken);
        var question = decks.FindQuestion(row.p.QuestionId);
        var platform = platforms.Find(row.Channel.Platform);
        if (question is null || platform is null)
            return true;

        var answers = await (from a in db.Answers
                             join person in db.People on a.PersonId equals person.Id
                             where a.PostId == postId && !a.Practice
                             select new { a.Response, a.IsCorrect, a.Points, a.LatencyMs, a.PersonId, person.DisplayName }).AsNoTracking().ToListAsync(cancellationToken);
        var reveal = BuildReveal(postId, question, answers.Select(a => (a.Response, a.IsCorrect, a.LatencyMs, a.DisplayName)).ToList());

        var week = PeriodKeys.Week(PeriodKeys.LocalDate(row.p.PostedUtc, TimeZones.FindOrUtc(row.TimeZone)));
        var pointsHere = answers.Where(a => a.Points > 0).ToDictionary(a => a.PersonId, a => a.Points);
        var top = await (from t in db.ScoreTotals
                         join person in db.People on t.PersonId equals person.Id
                         where t.GroupId == row.p.GroupId && t.Period == week
                         orderby t.Points descending, t.Correct descending, t.PersonId
                         select new { t.PersonId, person.DisplayName, t.Points }).Take(5).ToListAsync(cancellationToken);
        var movement = top.Select((t, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1}. {t.DisplayName} — {t.Points:0.##} pts{(pointsHere.TryGetValue(t.PersonId, out var gained) ? $" (+{gained:0.##} on this question)" : "")}")).ToList();
        reveal = reveal with { Movement = movement };

        try
        {
            if (row.p.MessageId is { } messageId)
                await platform.UpdateAsync(row.Channel, messageId, QuestionCards.Question(postId, question, answers.Count, row.p.ClosesUtc, closed: true), cancellationToken);
            var revealId = await platform.PostAsync(row.Channel, new OutgoingMessage(RevealText(reveal), reveal), cancellationToken);
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RevealMessageId, revealId), cancellationToken);
            metrics.RevealPosted(row.Channel.Platform);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Un-claim so the next sweep tries again; answers are closed by ClosesUtc either way.
            logger.LogWarning(ex, "Posting the reveal of post {PostId} failed; it will be retried", postId);
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RevealedUtc, (DateTime?)null), CancellationToken.None);
            return false;
        }
        return true;
    }

    public static RevealCard BuildReveal(long postId, Question q, IReadOnlyList<(string Response, bool IsCorrect, int LatencyMs, string Name)> answers)
    {
        var total = answers.Count;
        List<RevealOption> options;
        if (q.Options.Count > 0)
        {
            options = q.Options.Select(o =>
            {
                var count = answers.Count(a => a.Response.Split(',', StringSplitOptions.TrimEntries).Contains(o.Key));
                return new RevealOption(o.Key, o.Text, count, total == 0 ? 0 : 100.0 * count / total, q.CorrectKeys.Contains(o.Key), q.WhyWrong.GetValueOrDefault(o.Key));
            }).ToList();
        }
        else
        {
            options = answers.GroupBy(a => a.Response, StringComparer.OrdinalIgnoreCase)
                .Select(g => new RevealOption(g.Key, g.Key, g.Count(), total == 0 ? 0 : 100.0 * g.Count() / total, g.First().IsCorrect, null))
                .OrderByDescending(o => o.Count).Take(8).ToList();
        }
        var fastest = answers.Where(a => a.IsCorrect).OrderBy(a => a.LatencyMs).Take(3)
            .Select(a => $"{a.Name} ({FormatLatency(a.LatencyMs)})").ToList();
        return new RevealCard(postId, $"Reveal · {QuestionCards.Title(q)}", q.Prompt, QuestionCards.CorrectAnswer(q), QuestionCards.Explanation(q),
            options, total, answers.Count(a => a.IsCorrect), fastest, [], q.SolutionSteps);
    }

    public static string RevealText(RevealCard r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(r.Title).Append("**\n").Append(r.Prompt).Append("\n\n✅ **Answer:** ").Append(r.CorrectAnswer);
        if (r.Explanation.Length > 0)
            sb.Append("\n📖 ").Append(r.Explanation);
        foreach (var o in r.Options)
        {
            // Typed answers (fill-in, numerical) are their own label: no "Grafana) Grafana".
            var label = o.Key == o.Text ? o.Text : $"{o.Key}) {o.Text}";
            sb.Append(CultureInfo.InvariantCulture, $"\n{(o.IsCorrect ? "✅" : "▫️")} {label} — {o.Count} ({o.Percent:0}%)");
            if (!o.IsCorrect && o.WhyWrong is { Length: > 0 } why)
                sb.Append(" — ").Append(why);
        }
        sb.Append(CultureInfo.InvariantCulture, $"\n\n{r.CorrectCount} of {r.AnsweredCount} answered correctly.");
        if (r.FastestCorrect.Count > 0)
            sb.Append("\n⚡ Fastest: ").Append(string.Join(", ", r.FastestCorrect));
        if (r.Movement.Count > 0)
            sb.Append("\n📈 This week:\n").Append(string.Join('\n', r.Movement));
        return sb.ToString();
    }

    private static string FormatLatency(int ms) => ms < 60_000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000} min {ms / 1000 % 60} s");
}
