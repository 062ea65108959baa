using System.Runtime.InteropServices;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Memory;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Chooses a channel's next question. The group works through the deck in passes: each
/// pass asks every question once, new questions in random order. Between them come reviews of what
/// the group is forgetting, bounded so a pass of N questions takes at most N + ⌊(N − 1) / 3⌋ posts
/// (under 1.34 × N): a review needs <see cref="NewBetweenReviews"/> new questions of the current pass
/// since the last review (so at most one post in four is a review, never two in a row, none before
/// a pass's first new question); a review is a question already asked in the current pass, at most
/// <see cref="MaxReviewsPerPass"/> times per pass, and only when the group's mean FSRS recall of it
/// is below <see cref="MissedRecall"/> and <see cref="MissedGap"/> other posts went out since it was
/// last asked. Among candidates the one the group is likeliest to have forgotten comes first. No
/// question is asked twice in a row while the deck has another.
/// Before an exam date the deck is covered first: questions never asked in the channel come before
/// any other while the posts left before the exam are no more than a third above them (the third is
/// the time left to review what the group misses); once every question was asked, each post is the
/// one the group is likeliest to have forgotten by the exam, by FSRS at the exam date.</summary>
public sealed class QuestionSelector(DeckLibrary decks, TimeProvider time, Random random)
{
    /// <summary>Posts that must pass before a missed question is asked again.</summary>
    public const int MissedGap = 3;

    /// <summary>New questions of the current pass that must be asked between two reviews.</summary>
    public const int NewBetweenReviews = 3;

    /// <summary>How often one question may come back as a review within a pass.</summary>
    public const int MaxReviewsPerPass = 2;

    /// <summary>The group's mean predicted recall below which a question counts as missed: about
    /// what a question leaves three days after a third of the group got it wrong.</summary>
    public const double MissedRecall = 0.8;

    /// <param name="deckId">The deck to draw from; null for every deck the group can use.</param>
    /// <param name="deckAsked">True when a person named the deck for this one post: it wins over the
    /// deck of an exam still ahead, whose pace still orders the pick. Scheduled posts follow the exam.</param>
    public async Task<Question?> NextForChannelAsync(BotDbContext db, long channelId, string? deckId, bool deckAsked, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == channelId)
            .Select(c => new { c.GroupId, Exam = db.Groups.Where(g => g.Id == c.GroupId).Select(g => new { g.ExamDate, g.ExamDeckId, g.TimeZone }).First() })
            .FirstAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var examUtc = channel.Exam.ExamDate is { } date ? ExamDay.StartUtc(date, channel.Exam.TimeZone) : (DateTime?)null;
        ExamPace? pace = null;
        if (examUtc > now)
        {
            if (!deckAsked)
                deckId = channel.Exam.ExamDeckId;
            var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId && s.Enabled, cancellationToken);
            var exam = channel.Exam.ExamDate!.Value;
            // This post, then the schedule's posts still to come before the exam, several a day where it has several times.
            var later = schedule is null
                ? ExamCoverage.PostingDaysBefore(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZones.FindOrUtc(channel.Exam.TimeZone))).AddDays(1), exam, WeekDays.All)
                : ExamCoverage.Of(0, 0, ScheduleTimes.Of(schedule), schedule.DaysMask, TimeZoneInfo.ConvertTimeFromUtc(now, TimeZones.FindOrUtc(schedule.TimeZone)), exam, []).Posts;
            pace = new ExamPace(1 + later);
        }
        var pool = decks.For(channel.GroupId).QuestionsOf(deckId);
        if (pool.Count == 0)
            return null;
        var history = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == channelId && p.PracticePersonId == null)
            .OrderBy(p => p.Id)
            .Select(p => p.QuestionId)
            .ToListAsync(cancellationToken);
        var recall = await GroupRecallAsync(db, channel.GroupId, pace is null ? now : examUtc!.Value, cancellationToken);
        return Choose(pool, history, recall, pace);
    }

    /// <summary>The group's mean FSRS recall per question at <paramref name="atUtc"/>, over the people who answered it.</summary>
    public static async Task<Dictionary<string, double>> GroupRecallAsync(BotDbContext db, long groupId, DateTime atUtc, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.ReviewStates
                          join p in db.People on r.PersonId equals p.Id
                          where p.GroupId == groupId && r.Stability > 0
                          select new { r.QuestionId, r.Stability, r.LastReviewUtc }).AsNoTracking().ToListAsync(cancellationToken);
        return GroupRecall(rows.Select(r => (r.QuestionId, r.Stability, r.LastReviewUtc)), atUtc);
    }

    /// <summary>The mean FSRS recall per question at <paramref name="atUtc"/> over everyone's memories of it. Pure.</summary>
    public static Dictionary<string, double> GroupRecall(IEnumerable<(string QuestionId, double Stability, DateTime LastReviewUtc)> memories, DateTime atUtc)
    {
        var fsrs = Fsrs.Default;
        var sums = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        foreach (var (questionId, stability, lastReviewUtc) in memories)
        {
            ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, questionId, out _);
            s = (s.Sum + fsrs.Retrievability((atUtc - DateTime.SpecifyKind(lastReviewUtc, DateTimeKind.Utc)).TotalDays, stability), s.N + 1);
        }
        return sums.ToDictionary(x => x.Key, x => x.Value.Sum / x.Value.N, StringComparer.Ordinal);
    }

    /// <summary>The pure choice, given the channel's post history (oldest first), the group's mean
    /// recall per question (now, or at the exam date when <paramref name="exam"/> is set) and the pace to the exam.</summary>
    public Question Choose(IReadOnlyList<Question> pool, IReadOnlyList<string> asked, IReadOnlyDictionary<string, double> recall, ExamPace? exam = null)
    {
        var pass = Replay(pool, asked);
        var last = asked.Count > 0 ? asked[^1] : null;
        List<Question>? neverAsked = null;
        if (exam is { } pace)
        {
            var everAsked = asked.ToHashSet(StringComparer.Ordinal);
            neverAsked = pool.Where(q => !everAsked.Contains(q.Id)).ToList();
            if (neverAsked.Count == 0)
                return LikeliestForgotten(pool, asked, recall);
            if (pace.PostsLeft * 3 <= neverAsked.Count * 4)
                return neverAsked[random.Next(neverAsked.Count)];
        }

        if (pass.NewSinceReview >= NewBetweenReviews)
        {
            var review = pool
                .Where(q => pass.Asked.Contains(q.Id) && asked.Count - 1 - pass.LastAskedAt[q.Id] >= MissedGap)
                .Where(q => pass.Reviews.GetValueOrDefault(q.Id) < MaxReviewsPerPass)
                .Select(q => (Question: q, Recall: recall.GetValueOrDefault(q.Id, 1)))
                .Where(x => x.Recall < MissedRecall)
                .OrderBy(x => x.Recall)
                .ThenBy(x => pass.LastAskedAt[x.Question.Id])
                .Select(x => x.Question)
                .FirstOrDefault();
            if (review is not null)
                return review;
        }

        var fresh = neverAsked ?? pool.Where(q => !pass.Asked.Contains(q.Id)).ToList();
        if (fresh.Count > 1)
            fresh.RemoveAll(q => q.Id == last);
        return fresh[random.Next(fresh.Count)];
    }

    /// <summary>The question the group is likeliest to have forgotten, not one of the last
    /// <see cref="MissedGap"/> posts while the deck has others; a question nobody answered counts as forgotten.</summary>
    private Question LikeliestForgotten(IReadOnlyList<Question> pool, IReadOnlyList<string> asked, IReadOnlyDictionary<string, double> recall)
    {
        var recent = asked.Skip(Math.Max(0, asked.Count - MissedGap)).ToHashSet(StringComparer.Ordinal);
        var candidates = pool.Where(q => !recent.Contains(q.Id)).ToList();
        if (candidates.Count == 0)
            candidates = [.. pool];
        var lowest = candidates.Min(q => recall.GetValueOrDefault(q.Id, 0));
        var ties = candidates.Where(q => recall.GetValueOrDefault(q.Id, 0) <= lowest + 1e-9).ToList();
        return ties[random.Next(ties.Count)];
    }

    /// <summary>Reads the history into the current pass: a post of a question not yet asked in the
    /// pass is new, any other is a review; the pass ends when every question of the pool was asked.</summary>
    private static PassState Replay(IReadOnlyList<Question> pool, IReadOnlyList<string> asked)
    {
        var ids = pool.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var state = new PassState();
        for (var i = 0; i < asked.Count; i++)
        {
            var id = asked[i];
            if (!ids.Contains(id))
                continue;
            state.LastAskedAt[id] = i;
            if (state.Asked.Add(id))
            {
                state.NewSinceReview++;
                if (state.Asked.Count == ids.Count)
                {
                    state.Asked.Clear();
                    state.Reviews.Clear();
                    state.NewSinceReview = 0;
                }
            }
            else
            {
                state.Reviews[id] = state.Reviews.GetValueOrDefault(id) + 1;
                state.NewSinceReview = 0;
            }
        }
        return state;
    }

    private sealed class PassState
    {
        public HashSet<string> Asked { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Reviews { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> LastAskedAt { get; } = new(StringComparer.Ordinal);

        public int NewSinceReview { get; set; }
    }
}
