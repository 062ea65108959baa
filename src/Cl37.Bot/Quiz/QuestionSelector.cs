using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Chooses a channel's next question. The group works through the deck in passes: each
/// pass asks every question once, new questions in random order. Between them come reviews of what
/// the group missed, bounded so a pass of N questions takes at most N + ⌊(N − 1) / 3⌋ posts
/// (under 1.34 × N): a review needs <see cref="NewBetweenReviews"/> new questions of the current pass
/// since the last review (so at most one post in four is a review, never two in a row, none before
/// a pass's first new question); a review is a question already asked in the current pass, at most
/// <see cref="MaxReviewsPerPass"/> times per pass, and only when more than <see cref="MissedShareWrong"/> of the group's answers to it
/// were wrong and <see cref="MissedGap"/> other posts went out since it was last asked. Among
/// candidates the one the group got wrong most often comes first. No question is asked twice in a row
/// while the deck has another.</summary>
public sealed class QuestionSelector(DeckLibrary decks, Random random)
{
    /// <summary>Posts that must pass before a missed question is asked again.</summary>
    public const int MissedGap = 3;

    /// <summary>New questions of the current pass that must be asked between two reviews.</summary>
    public const int NewBetweenReviews = 3;

    /// <summary>How often one question may come back as a review within a pass.</summary>
    public const int MaxReviewsPerPass = 2;

    /// <summary>Share of the group's answers that were wrong above which a question counts as missed.</summary>
    public const double MissedShareWrong = 0.4;

    public async Task<Question?> NextForChannelAsync(BotDbContext db, long channelId, string? deckId, CancellationToken cancellationToken)
    {
        var pool = decks.QuestionsOf(deckId);
        if (pool.Count == 0)
            return null;
        var history = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == channelId && p.PracticePersonId == null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.QuestionId })
            .ToListAsync(cancellationToken);
        var results = await db.Answers.AsNoTracking()
            .Where(a => !a.Practice && db.Posts.Any(p => p.Id == a.PostId && p.ChannelId == channelId && p.PracticePersonId == null))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Answered = g.Count(), Correct = g.Count(a => a.IsCorrect) })
            .ToDictionaryAsync(x => x.QuestionId, x => (x.Answered, x.Correct), cancellationToken);
        return Choose(pool, history.Select(h => h.QuestionId).ToList(), results);
    }

    /// <summary>The pure choice, given the channel's post history (oldest first) and the group's results per question.</summary>
    public Question Choose(IReadOnlyList<Question> pool, IReadOnlyList<string> asked, IReadOnlyDictionary<string, (int Answered, int Correct)> results)
    {
        var pass = Replay(pool, asked);
        var last = asked.Count > 0 ? asked[^1] : null;

        if (pass.NewSinceReview >= NewBetweenReviews)
        {
            var review = pool
                .Where(q => pass.Asked.Contains(q.Id) && asked.Count - 1 - pass.LastAskedAt[q.Id] >= MissedGap)
                .Where(q => pass.Reviews.GetValueOrDefault(q.Id) < MaxReviewsPerPass)
                .Select(q => (Question: q, Wrong: ShareWrong(results, q.Id)))
                .Where(x => x.Wrong > MissedShareWrong)
                .OrderByDescending(x => x.Wrong)
                .ThenBy(x => pass.LastAskedAt[x.Question.Id])
                .Select(x => x.Question)
                .FirstOrDefault();
            if (review is not null)
                return review;
        }

        var fresh = pool.Where(q => !pass.Asked.Contains(q.Id)).ToList();
        if (fresh.Count > 1)
            fresh.RemoveAll(q => q.Id == last);
        return fresh[random.Next(fresh.Count)];
    }

    private static double ShareWrong(IReadOnlyDictionary<string, (int Answered, int Correct)> results, string id) =>
        results.TryGetValue(id, out var r) && r.Answered > 0 ? (double)(r.Answered - r.Correct) / r.Answered : 0;

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
