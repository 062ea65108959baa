using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Memory;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Brings review rows carried over from the Leitner boxes (stability 0) into FSRS by
/// replaying the person's stored answers to the question in the order they came. Runs at start,
/// after the migrations and before answers are taken; with nothing to replay it is one plain query, as
/// EF Core's first query would cost a large part of a cold start. Answers still withheld by a hidden
/// post are left to its release, which reviews them then.</summary>
public sealed class ReviewReplay(DatabaseConnections connections, IDbContextFactory<BotDbContext> factory, ILogger<ReviewReplay> logger) : IHostedService
{
    private const string PendingSql = """SELECT 1 FROM "ReviewStates" WHERE "Stability" <= 0 LIMIT 1""";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await connections.AnyRowAsync(PendingSql, cancellationToken))
            await ReplayAsync(cancellationToken);
    }

    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ReviewStates.Where(r => r.Stability <= 0).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return 0;
        var people = rows.Select(r => r.PersonId).Distinct().ToList();
        var answers = await db.ShownAnswers.AsNoTracking().Where(a => people.Contains(a.PersonId))
            .OrderBy(a => a.AnsweredUtc).ThenBy(a => a.Id)
            .Select(a => new { a.PersonId, a.QuestionId, a.IsCorrect, a.Points, a.AnsweredUtc })
            .ToListAsync(cancellationToken);
        var history = answers.ToLookup(a => (a.PersonId, a.QuestionId));
        var fsrs = Fsrs.Default;
        foreach (var row in rows)
        {
            MemoryState? memory = null;
            // Practice answers store no points, so partial credit counts there only when it was scored.
            foreach (var a in history[(row.PersonId, row.QuestionId)])
                memory = fsrs.Review(memory, DateTime.SpecifyKind(a.AnsweredUtc, DateTimeKind.Utc), Grades.RatingOf(a.IsCorrect, a.Points));
            // A row without stored answers keeps what its counts say, reviewed the day before it fell due.
            memory ??= fsrs.Review(null, DateTime.SpecifyKind(row.DueUtc, DateTimeKind.Utc).AddDays(-1), row.Right > 0 ? Rating.Good : Rating.Again);
            row.Stability = memory.Stability;
            row.Difficulty = memory.Difficulty;
            row.LastReviewUtc = memory.LastReviewUtc;
            row.DueUtc = memory.DueUtc;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Replayed {Rows} review rows from {Answers} stored answers into FSRS", rows.Count, answers.Count);
        return rows.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
