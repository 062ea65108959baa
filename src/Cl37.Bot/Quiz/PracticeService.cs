using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Text;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Private practice from a person's own FSRS memory. Before an exam date it picks the
/// question whose practice now raises their expected recall at the exam the most; otherwise due
/// questions first (the one they are likeliest to have forgotten first), then ones never seen, then
/// whatever they are likeliest to forget. Practice is never scored.</summary>
public sealed class PracticeService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks, TimeProvider time, Random random)
{
    /// <summary>The person's next practice question, already posted to them, or null when no questions are loaded.</summary>
    public async Task<PracticeQuestion?> NextAsync(ChannelInfo channel, ChatUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        var exam = group.ExamDate is { } date && ExamDay.StartUtc(date, group.TimeZone) > now ? group.ExamDate : null;
        var pool = decks.For(channel.GroupId).QuestionsOf(exam is null ? channel.DeckId : group.ExamDeckId);
        if (pool.Count == 0)
            return null;
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
        var memories = reviews.Where(r => r.Stability > 0).ToDictionary(r => r.QuestionId, MemoryOf, StringComparer.Ordinal);
        Question question;
        if (exam is { } examDate)
        {
            var facilities = await Facilities.OfGroupAsync(db, channel.GroupId, cancellationToken);
            question = ChooseForExam(pool, memories, facilities, now, ExamDay.StartUtc(examDate, group.TimeZone));
        }
        else
        {
            question = Choose(pool, memories, now);
        }
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
        double? recall = memories.TryGetValue(question.Id, out var m) ? Fsrs.Default.Retrievability(m, now) : null;
        var due = pool.Count(q => memories.TryGetValue(q.Id, out var x) && x.DueUtc <= now);
        var unseen = pool.Count(q => !memories.ContainsKey(q.Id));
        return new PracticeQuestion(post.Id, question, recall, due, unseen, exam);
    }

    public static MemoryState MemoryOf(ReviewState r) =>
        new(r.Stability, r.Difficulty, DateTime.SpecifyKind(r.LastReviewUtc, DateTimeKind.Utc),
            (int)Math.Round((r.DueUtc - r.LastReviewUtc).TotalDays));

    /// <summary>Without an exam: the due question likeliest forgotten, else a new one, else the one likeliest forgotten.</summary>
    public Question Choose(IReadOnlyList<Question> pool, IReadOnlyDictionary<string, MemoryState> memories, DateTime nowUtc)
    {
        var fsrs = Fsrs.Default;
        var due = pool.Where(q => memories.TryGetValue(q.Id, out var m) && m.DueUtc <= nowUtc)
            .OrderBy(q => fsrs.Retrievability(memories[q.Id], nowUtc)).FirstOrDefault();
        if (due is not null)
            return due;
        var unseen = pool.Where(q => !memories.ContainsKey(q.Id)).ToList();
        if (unseen.Count > 0)
            return unseen[random.Next(unseen.Count)];
        return pool.OrderBy(q => fsrs.Retrievability(memories[q.Id], nowUtc)).First();
    }

    /// <summary>Before an exam: the question whose practice now adds most to the expected recall at the exam.</summary>
    public static Question ChooseForExam(IReadOnlyList<Question> pool, IReadOnlyDictionary<string, MemoryState> memories, Facilities facilities, DateTime nowUtc, DateTime examUtc)
    {
        var fsrs = Fsrs.Default;
        Question best = pool[0];
        var bestGain = double.NegativeInfinity;
        foreach (var q in pool)
        {
            var gain = ExamPlanning.Gain(fsrs, memories.GetValueOrDefault(q.Id), nowUtc, examUtc, facilities.Of(q.Id));
            if (gain > bestGain)
                (best, bestGain) = (q, gain);
        }
        return best;
    }
}
