using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Grading;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>A person's stored answer to one post, or the post as everyone sees it: what a platform
/// shows again when a person's copy of a shared question is redrawn.</summary>
public sealed class AnswerLookup(IDbContextFactory<BotDbContext> factory, PostCache posts, DeckLibrary decks)
{
    /// <summary>The person's answer to the post with the post as it stands, or null when they have
    /// not answered it (or the post is not open to them from this channel).</summary>
    public async Task<AnsweredView?> AnswerAsync(long postId, ChannelRef channel, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, userId, cancellationToken) is not { } found)
            return null;
        var (post, question) = found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var answer = await (from a in db.Answers
                            join p in db.People on a.PersonId equals p.Id
                            where a.PostId == postId && p.GroupId == post.GroupId && p.ExternalId == userId
                            select new { a.Response, a.Points, a.IsCorrect, a.Practice }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (answer is null)
            return null;
        var tally = await TallyAsync(db, post, question, cancellationToken);
        // The stored row keeps the points with any bonus; grading the stored response again tells the
        // parts and the grade's own points apart, as the feedback to the click did.
        var again = Grader.Grade(question, question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect
            ? answer.Response.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [answer.Response]);
        var sameGrade = again.IsValid && again.IsCorrect == answer.IsCorrect && again.Points <= answer.Points;
        return new AnsweredView(question, answer.Response, answer.Points, answer.IsCorrect, answer.Practice,
            ResultShown: answer.Practice || !post.HideResults || tally.Revealed)
        {
            Post = tally,
            PracticePost = post.PracticePersonId is not null,
            Parts = sameGrade ? again.Parts : null,
            BasePoints = answer.Practice ? 0 : sameGrade ? again.Points : answer.Points,
            GradePoints = again.IsValid ? again.Points : answer.Points,
        };
    }

    /// <summary>The question as everyone sees it (with the current tally), or null when the post is
    /// not open to this person from this channel.</summary>
    public async Task<PostTally?> PostAsync(long postId, ChannelRef channel, string? userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, userId, cancellationToken) is not { } found)
            return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await TallyAsync(db, found.Post, found.Question, cancellationToken);
    }

    private static async Task<PostTally> TallyAsync(BotDbContext db, PostInfo post, Question question, CancellationToken cancellationToken)
    {
        var count = await db.Answers.CountAsync(a => a.PostId == post.PostId && !a.Practice, cancellationToken);
        var revealed = await db.Posts.AnyAsync(p => p.Id == post.PostId && p.RevealedUtc != null, cancellationToken);
        return new PostTally(post.PostId, question, count, post.ClosesUtc, revealed) { Practice = post.PracticePersonId is not null };
    }

    /// <summary>The post a typed answer given without one is meant for: of the channel's open
    /// question and the person's newest unanswered practice question in this channel, the newest
    /// that takes a typed answer (numerical or fill-in). A choice question is never guessed at.</summary>
    public async Task<TypedAnswerTarget> TypedAnswerTargetAsync(ChannelInfo channel, string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == channel.ChannelId && p.PracticePersonId == null && p.RevealedUtc == null)
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.QuestionId }).FirstOrDefaultAsync(cancellationToken);
        var practice = await (from p in db.Posts
                              join person in db.People on p.PracticePersonId equals person.Id
                              where p.ChannelId == channel.ChannelId && person.GroupId == channel.GroupId && person.ExternalId == userId
                                    && !db.Answers.Any(a => a.PostId == p.Id)
                              orderby p.Id descending
                              select new { p.Id, p.QuestionId }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var candidates = new[] { open, practice }.Where(c => c is not null).Select(c => c!).OrderByDescending(c => c.Id).ToList();
        if (candidates.Count == 0)
            return new TypedAnswerTarget.NoneOpen();
        var typed = candidates.FirstOrDefault(c => decks.FindQuestion(c.QuestionId)?.Kind is QuestionKind.Numerical or QuestionKind.FillIn);
        return typed is null ? new TypedAnswerTarget.ChoiceQuestion() : new TypedAnswerTarget.Post(typed.Id);
    }

    /// <summary>The post and its question, or null when the post is unknown, not open to the person
    /// from this channel, or its question left the deck.</summary>
    private async Task<(PostInfo Post, Question Question)?> FindAsync(long postId, ChannelRef channel, string? userId, CancellationToken cancellationToken)
    {
        var post = await posts.GetAsync(postId, cancellationToken);
        if (post is null || !post.IsOpenTo(channel, userId) || decks.FindQuestion(post.QuestionId) is not { } question)
            return null;
        return (post, question);
    }
}

/// <summary>A person's stored answer; <paramref name="ResultShown"/> is false while results wait for the reveal.</summary>
public sealed record AnsweredView(Question Question, string Response, double Points, bool IsCorrect, bool Practice, bool ResultShown)
{
    /// <summary>The post as everyone sees it now, for the person's copy of the card.</summary>
    public PostTally? Post { get; init; }

    /// <summary>The post is the person's own practice question.</summary>
    public bool PracticePost { get; init; }

    /// <summary>The parts the answer got right, where it has several.</summary>
    public PartCredit? Parts { get; init; }

    /// <summary>The grade's points without bonuses; zero when not scored.</summary>
    public double BasePoints { get; init; }

    /// <summary>What the answer was worth as graded, scored or not (practice keeps its partial credit).</summary>
    public double GradePoints { get; init; }
}

/// <summary>A question post and its tally.</summary>
public sealed record PostTally(long PostId, Question Question, int Answers, DateTime? ClosesUtc, bool Revealed)
{
    /// <summary>A person's practice question: nobody else answers it, so it has no tally.</summary>
    public bool Practice { get; init; }
}
