using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Private practice from a person's own Leitner boxes: due questions first (lowest box
/// first), then ones never seen, then whatever comes due soonest. Practice is never scored.</summary>
public sealed class PracticeService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks, TimeProvider time, Random random)
{
    /// <summary>The person's next practice question, already posted to them, or null when no questions are loaded.</summary>
    public async Task<PracticeQuestion?> NextAsync(ChannelInfo channel, ChatUser user, CancellationToken cancellationToken)
    {
        var pool = decks.QuestionsOf(channel.DeckId);
        if (pool.Count == 0)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.GroupId == channel.GroupId && p.ExternalId == user.Id, cancellationToken);
        if (person is null)
        {
            person = new Person { GroupId = channel.GroupId, ExternalId = user.Id, DisplayName = DisplayNames.Clean(user.DisplayName) };
            db.People.Add(person);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                person = await db.People.FirstAsync(p => p.GroupId == channel.GroupId && p.ExternalId == user.Id, cancellationToken);
            }
        }
        var reviews = await db.ReviewStates.AsNoTracking().Where(r => r.PersonId == person.Id).ToListAsync(cancellationToken);
        // A question the group is answering with results hidden is not practised meanwhile: its
        // practice feedback would show the answer the reveal is keeping back.
        var hidden = await db.Posts.AsNoTracking()
            .Where(p => p.GroupId == channel.GroupId && p.HideResults && p.PracticePersonId == null && p.MessageId != null)
            .Select(p => p.QuestionId).Distinct().ToListAsync(cancellationToken);
        if (hidden.Count > 0)
        {
            var open = pool.Where(q => !hidden.Contains(q.Id)).ToList();
            if (open.Count == 0)
                return null;
            pool = open;
        }
        var question = Choose(pool, reviews, now);
        var post = new QuestionPost
        {
            ChannelId = channel.ChannelId,
            GroupId = channel.GroupId,
            QuestionId = question.Id,
            PostedUtc = now,
            PracticePersonId = person.Id,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        var review = reviews.FirstOrDefault(r => r.QuestionId == question.Id);
        return new PracticeQuestion(post.Id, question, review?.Box);
    }

    public Question Choose(IReadOnlyList<Question> pool, IReadOnlyList<ReviewState> reviews, DateTime nowUtc)
    {
        var byId = reviews.ToDictionary(r => r.QuestionId);
        var due = pool.Where(q => byId.TryGetValue(q.Id, out var r) && r.DueUtc <= nowUtc)
            .OrderBy(q => byId[q.Id].Box).ThenBy(q => byId[q.Id].DueUtc).FirstOrDefault();
        if (due is not null)
            return due;
        var unseen = pool.Where(q => !byId.ContainsKey(q.Id)).ToList();
        if (unseen.Count > 0)
            return unseen[random.Next(unseen.Count)];
        return pool.OrderBy(q => byId[q.Id].DueUtc).First();
    }
}
