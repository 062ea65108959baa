using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>A person's stored answer to one post, or the post as everyone sees it: what a platform
/// shows again when a person's copy of a shared question is redrawn.</summary>
public sealed class AnswerLookup(IDbContextFactory<BotDbContext> factory, PostCache posts, DeckLibrary decks)
{
    /// <summary>The person's answer to the post, or null when they have not answered it (or the
    /// post is not in this channel's group).</summary>
    public async Task<AnsweredView?> AnswerAsync(long postId, ChannelRef channel, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, cancellationToken) is not { } found)
            return null;
        var (post, question) = found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var answer = await (from a in db.Answers
                            join p in db.People on a.PersonId equals p.Id
                            where a.PostId == postId && p.GroupId == post.GroupId && p.ExternalId == userId
                            select new { a.Response, a.Points, a.IsCorrect, a.Practice }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return answer is null
            ? null
            : new AnsweredView(question, answer.Response, answer.Points, answer.IsCorrect, answer.Practice,
                ResultShown: answer.Practice || !post.HideResults || post.Revealed);
    }

    /// <summary>The question as everyone sees it (with the current tally), or null when the post is
    /// not in this channel's group.</summary>
    public async Task<PostTally?> PostAsync(long postId, ChannelRef channel, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, cancellationToken) is not { } found)
            return null;
        var (post, question) = found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = await db.Answers.CountAsync(a => a.PostId == postId && !a.Practice, cancellationToken);
        var revealed = await db.Posts.AnyAsync(p => p.Id == postId && p.RevealedUtc != null, cancellationToken);
        return new PostTally(postId, question, count, post.ClosesUtc, revealed);
    }

    /// <summary>The post and its question, or null when the post is unknown, in another group, or its
    /// question left the deck.</summary>
    private async Task<(PostInfo Post, Question Question)?> FindAsync(long postId, ChannelRef channel, CancellationToken cancellationToken)
    {
        var post = await posts.GetAsync(postId, cancellationToken);
        if (post is null || !post.IsIn(channel) || decks.FindQuestion(post.QuestionId) is not { } question)
            return null;
        return (post, question);
    }
}

/// <summary>A person's stored answer; <paramref name="ResultShown"/> is false while results wait for the reveal.</summary>
public sealed record AnsweredView(Question Question, string Response, double Points, bool IsCorrect, bool Practice, bool ResultShown);

/// <summary>A question post and its tally.</summary>
public sealed record PostTally(long PostId, Question Question, int Answers, DateTime? ClosesUtc, bool Revealed);
