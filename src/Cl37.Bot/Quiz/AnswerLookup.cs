using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>A person's stored answer to one post, worded as their own view of it: what a platform
/// shows them again when their personal copy of a shared question is redrawn.</summary>
public sealed class AnswerLookup(IDbContextFactory<BotDbContext> factory, PostCache posts, DeckLibrary decks)
{
    /// <summary>The person's feedback for the post, or null when they have not answered it (or the
    /// post is not in this channel's group).</summary>
    public async Task<OutgoingMessage?> FeedbackAsync(long postId, ChannelRef channel, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, cancellationToken) is not { } found)
            return null;
        var (post, question) = found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var answer = await (from a in db.Answers
                            join p in db.People on a.PersonId equals p.Id
                            where a.PostId == postId && p.GroupId == post.GroupId && p.ExternalId == userId
                            select new { a.Response, a.Points, a.IsCorrect, a.Practice }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (answer is null)
            return null;

        var sb = new StringBuilder().Append("**").Append(QuestionCards.Title(question)).Append("**\n\n");
        sb.Append("Your answer: **").Append(answer.Response).Append("**").Append(answer.Practice ? " (practice, not scored)." : ".");
        if (answer.Practice || !post.HideResults || post.Revealed)
        {
            sb.Append("\n\n").Append(QuestionCards.Verdict(answer.IsCorrect, answer.Points, scored: !answer.Practice))
                .Append(QuestionCards.KeyAndWhy(question));
        }
        else
        {
            sb.Append("\nResults are revealed when the question closes.");
        }
        return OutgoingMessage.PrivateText(sb.ToString());
    }

    /// <summary>The question as everyone sees it (with the current tally), or null when the post is
    /// not in this channel's group.</summary>
    public async Task<OutgoingMessage?> QuestionAsync(long postId, ChannelRef channel, CancellationToken cancellationToken)
    {
        if (await FindAsync(postId, channel, cancellationToken) is not { } found)
            return null;
        var (post, question) = found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = await db.Answers.CountAsync(a => a.PostId == postId && !a.Practice, cancellationToken);
        var revealed = await db.Posts.AnyAsync(p => p.Id == postId && p.RevealedUtc != null, cancellationToken);
        return QuestionCards.Question(postId, question, count, post.ClosesUtc, revealed);
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
