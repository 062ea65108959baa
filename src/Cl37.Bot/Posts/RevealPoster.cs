using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Posts;

/// <summary>Closes questions: claims RevealedUtc first (so one replica reveals a post once), counts
/// the answers it kept hidden, marks the question closed and posts the reveal with the week's standings.</summary>
public sealed class RevealPoster(
    IDbContextFactory<BotDbContext> factory,
    DeckLibrary decks,
    ChatPlatforms platforms,
    PostCache posts,
    HiddenResults results,
    QuizMetrics metrics,
    TimeProvider time,
    ILogger<RevealPoster> logger)
{
    /// <summary>Reveals every open question of a channel (a new one is about to be posted, or an admin closed it).</summary>
    public async Task<int> RevealOpenInChannelAsync(long channelId, CancellationToken cancellationToken)
    {
        return await RevealEachAsync(p => p.ChannelId == channelId && p.RevealedUtc == null && p.PracticePersonId == null && p.MessageId != null, cancellationToken);
    }

    /// <summary>Reveals every question whose window has closed.</summary>
    public async Task<int> RevealDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await RevealEachAsync(p => p.RevealedUtc == null && p.ClosesUtc != null && p.ClosesUtc <= now && p.PracticePersonId == null && p.MessageId != null, cancellationToken);
    }

    private async Task<int> RevealEachAsync(System.Linq.Expressions.Expression<Func<QuestionPost, bool>> which, CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            ids = await db.Posts.Where(which).Select(p => p.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in ids)
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
        try
        {
            // Before anything is read for the reveal, so its standings count this question too.
            await results.ReleaseAsync(postId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Counting the hidden results of post {PostId} failed; its reveal will be retried", postId);
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RevealedUtc, (DateTime?)null), CancellationToken.None);
            return false;
        }

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
        var reveal = RevealMessages.Card(postId, question, answers.Select(a => (a.Response, a.IsCorrect, a.LatencyMs, a.DisplayName)).ToList());

        var week = PeriodKeys.Week(PeriodKeys.LocalDate(row.p.PostedUtc, TimeZones.FindOrUtc(row.TimeZone)));
        var pointsHere = answers.Where(a => a.Points > 0).ToDictionary(a => a.PersonId, a => a.Points);
        var top = await (from t in db.ScoreTotals
                         join person in db.People on t.PersonId equals person.Id
                         where t.GroupId == row.p.GroupId && t.Period == week
                         orderby t.Points descending, t.Correct descending, t.PersonId
                         select new { t.PersonId, person.DisplayName, t.Points }).Take(5).ToListAsync(cancellationToken);
        reveal = reveal with { Movement = RevealMessages.Movement([.. top.Select(t => new WeekStanding(t.DisplayName, t.Points, pointsHere.GetValueOrDefault(t.PersonId)))]) };

        try
        {
            if (row.p.MessageId is { } messageId)
                await platform.UpdateAsync(row.Channel, messageId, QuestionCards.Question(postId, question, answers.Count, row.p.ClosesUtc, closed: true), cancellationToken);
            var revealId = await platform.PostAsync(row.Channel, RevealMessages.Message(reveal), cancellationToken);
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
}
