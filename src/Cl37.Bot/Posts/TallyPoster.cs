using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Posts;

/// <summary>Keeps the public "N answered" on posted questions current without flooding the
/// platforms: every interval, each post <see cref="TallyUpdater"/> marked gets one edit.</summary>
public sealed class TallyPoster(
    IDbContextFactory<BotDbContext> factory,
    TallyUpdater tallies,
    PostCache posts,
    DeckLibrary decks,
    ChatPlatforms platforms,
    IOptions<QuizOptions> options,
    TimeProvider time,
    ILogger<TallyPoster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.TallyUpdateSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await FlushAsync(stoppingToken);
        }
    }

    /// <summary>Edits every post whose tally changed since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var postId in tallies.TakeDirty())
        {
            try
            {
                await UpdateAsync(postId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Updating the tally of post {PostId} failed", postId);
            }
        }
    }

    private async Task UpdateAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await posts.GetAsync(postId, cancellationToken);
        if (post is null || post.MessageId is null || post.Revealed || post.PracticePersonId is not null)
            return;
        var question = decks.FindQuestion(post.QuestionId);
        var platform = platforms.Find(post.Channel.Platform);
        if (question is null || platform is null)
            return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The cached post may predate a reveal by another replica; an edit now would reopen the card.
        if (await db.Posts.AnyAsync(p => p.Id == postId && p.RevealedUtc != null, cancellationToken))
            return;
        var count = await db.Answers.CountAsync(a => a.PostId == postId && !a.Practice, cancellationToken);
        await platform.UpdateAsync(post.Channel, post.MessageId, QuestionCards.Question(postId, question, count, post.ClosesUtc, false), cancellationToken);
    }
}
