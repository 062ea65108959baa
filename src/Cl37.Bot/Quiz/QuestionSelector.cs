using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Chooses a channel's next question: a question the group missed comes back once a few
/// others were asked since (spaced repetition); otherwise one not yet asked in this round through
/// the deck; a new round starts only when the deck is used up.</summary>
public sealed class QuestionSelector(DeckLibrary decks, Random random)
{
    /// <summary>Posts that must pass before a missed question is asked again.</summary>
    public const int MissedGap = 3;

    /// <summary>Group accuracy below which a question counts as missed.</summary>
    public const double MissedBelow = 0.6;

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
        var postIds = history.Select(h => h.Id).ToList();
        var accuracy = await db.Answers.AsNoTracking()
            .Where(a => postIds.Contains(a.PostId) && !a.Practice)
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Answered = g.Count(), Correct = g.Count(a => a.IsCorrect) })
            .ToDictionaryAsync(x => x.QuestionId, x => (x.Answered, x.Correct), cancellationToken);
        return Choose(pool, history.Select(h => h.QuestionId).ToList(), accuracy);
    }

    /// <summary>The pure choice, given the channel's post history (oldest first) and the group's results per question.</summary>
    public Question Choose(IReadOnlyList<Question> pool, IReadOnlyList<string> asked, IReadOnlyDictionary<string, (int Answered, int Correct)> results)
    {
        var lastAskedAt = new Dictionary<string, int>();
        var timesAsked = new Dictionary<string, int>();
        for (var i = 0; i < asked.Count; i++)
        {
            lastAskedAt[asked[i]] = i;
            timesAsked[asked[i]] = timesAsked.GetValueOrDefault(asked[i]) + 1;
        }

        // Rounds: the fewest times asked is the current round.
        var round = pool.Min(q => timesAsked.GetValueOrDefault(q.Id));

        // A missed question is due again once MissedGap other posts went out since it was last
        // asked, at most once more per round.
        var missed = pool
            .Where(q => results.TryGetValue(q.Id, out var r) && r.Answered > 0 && (double)r.Correct / r.Answered < MissedBelow)
            .Where(q => lastAskedAt.TryGetValue(q.Id, out var at) && asked.Count - 1 - at >= MissedGap)
            .Where(q => timesAsked[q.Id] <= round + 1)
            .OrderBy(q => (double)results[q.Id].Correct / results[q.Id].Answered)
            .ThenBy(q => lastAskedAt[q.Id])
            .FirstOrDefault();
        if (missed is not null)
            return missed;

        var candidates = pool.Where(q => timesAsked.GetValueOrDefault(q.Id) == round).ToList();
        return candidates[random.Next(candidates.Count)];
    }
}
