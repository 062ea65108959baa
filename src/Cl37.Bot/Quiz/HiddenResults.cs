using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Results a post hides until its reveal. While it hides them, its scored answers are
/// withheld from everything a view reads: the writer adds them to no total, streak or FSRS memory,
/// and views that read answers themselves read <see cref="BotDbContext.ShownAnswers"/>. The
/// reveal releases them here.</summary>
public sealed class HiddenResults(IDbContextFactory<BotDbContext> factory, AnswerWriter writer)
{
    /// <summary>Counts the withheld answers of a post that has just been revealed (no more can come:
    /// the writer scores no answer after the reveal's claim). Does nothing for a post that never hid
    /// its results or was released before.</summary>
    public async Task ReleaseAsync(long postId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var post = await (from p in db.Posts
                          join g in db.Groups on p.GroupId equals g.Id
                          where p.Id == postId && p.HideResults
                          select new { p.GroupId, g.TimeZone }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (post is null)
            return;
        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.PostId == postId && !a.Practice)
            .OrderBy(a => a.Id)
            .Select(a => new { a.PersonId, a.QuestionId, a.Points, a.IsCorrect, a.AnsweredUtc })
            .ToListAsync(cancellationToken);
        var competitions = answers.Count == 0
            ? []
            : await db.Competitions.AsNoTracking().Where(c => c.GroupId == post.GroupId).OrderByDescending(c => c.Id)
                .Select(c => new { c.Id, c.StartUtc, c.EndUtc, c.EndedUtc }).ToListAsync(cancellationToken);
        var zone = TimeZones.FindOrUtc(post.TimeZone);
        // The periods as they were when each answer came, as the writer would have counted it then.
        var withheld = answers.Select(a => new WithheldAnswer(a.PersonId, a.QuestionId, a.Points, a.IsCorrect, a.AnsweredUtc,
                PeriodKeys.Of(a.AnsweredUtc, zone, competitions.FirstOrDefault(c => c.StartUtc <= a.AnsweredUtc && a.AnsweredUtc < c.EndUtc && (c.EndedUtc is null || a.AnsweredUtc < c.EndedUtc))?.Id)))
            .ToList();
        await writer.ReleaseAsync(postId, post.GroupId, withheld, cancellationToken);
    }
}
