using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>The group's facility per question: the share of its answers that were right. A question
/// nobody answered takes the group's share over all questions, and a group without answers one half.
/// Answers a post still withholds are not counted: they would tell how it is going before the reveal.</summary>
public sealed class Facilities(IReadOnlyDictionary<string, (int Answered, int Correct)> byQuestion)
{
    private const double NoEvidence = 0.5;

    private readonly double _overall = byQuestion.Values.Sum(v => v.Answered) is var n and > 0
        ? (double)byQuestion.Values.Sum(v => v.Correct) / n
        : NoEvidence;

    public double Of(string questionId) =>
        byQuestion.TryGetValue(questionId, out var r) && r.Answered > 0 ? (double)r.Correct / r.Answered : _overall;

    public static async Task<Facilities> OfGroupAsync(BotDbContext db, long groupId, CancellationToken cancellationToken)
    {
        var rows = await db.ShownAnswers.AsNoTracking().Where(a => a.GroupId == groupId)
            .GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Answered = g.Count(), Correct = g.Count(a => a.IsCorrect) })
            .ToDictionaryAsync(x => x.Key, x => (x.Answered, x.Correct), cancellationToken);
        return new Facilities(rows);
    }
}
