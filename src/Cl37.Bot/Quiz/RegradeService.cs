using System.Data.Common;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cl37.Bot.Quiz;

/// <summary>Regrades a group's stored answers of questions whose version changed since they were
/// graded. The dry run says what would change; applying does it one question per transaction: the
/// answers' points and right/wrong, the score totals of every period they counted in, the streaks of
/// the people concerned (replayed from their scored answers), their FSRS memory of the question
/// (replayed from their answers to it) — item analysis and /stats read the answers themselves — and
/// stamps the answers with the current version, so a second run finds nothing to do.
/// A regraded answer keeps the bonuses it earned while it stays right; one that becomes right earns
/// the speed bonus of its latency where the group has it on, and no streak bonus; one that becomes
/// wrong keeps only its partial credit. Answers still hidden until a reveal change only in their row:
/// the reveal adds them to the totals. A finished competition's totals stay as announced unless asked.</summary>
public sealed class RegradeService(
    IDbContextFactory<BotDbContext> factory,
    DatabaseConnections connections,
    DeckLibrary decks,
    LeaderboardCache leaderboards,
    LeaderboardService boards,
    ILogger<RegradeService> logger)
{
    private const int MaxAttempts = 4;

    public async Task<RegradeReport> RegradeAsync(ChannelInfo channel, string? deckId, string? question, bool apply, bool includeFinished, CancellationToken cancellationToken)
    {
        var library = decks.For(channel.GroupId);
        if (deckId is not null && library.FindDeck(deckId) is null)
            return new RegradeReport.UnknownDeck(deckId, [.. library.Decks.Select(d => d.Id)]);
        var scope = library.QuestionsOf(deckId);
        if (question is not null)
        {
            var matches = scope.Where(q => Names(q, question)).ToList();
            if (matches.Count != 1)
                return new RegradeReport.UnknownQuestion(question, [.. matches.Select(q => q.Id)]);
            scope = matches;
        }

        // One pass over the group's answers finds the questions graded against another version.
        List<(string QuestionId, string? Version)> versions;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            versions = (await db.Answers.AsNoTracking().Where(a => a.GroupId == channel.GroupId)
                    .Select(a => new { a.QuestionId, a.QuestionVersion }).Distinct().ToListAsync(cancellationToken))
                .Select(x => (x.QuestionId, x.QuestionVersion)).ToList();
        }
        var stale = scope.Where(q => versions.Any(v => v.QuestionId == q.Id && v.Version != QuestionVersion.Of(q))).ToList();

        var changed = new List<QuestionRegrade>();
        var unchanged = 0;
        var competitions = await CompetitionsAsync(channel.GroupId, cancellationToken);
        foreach (var q in stale)
        {
            var outcome = await QuestionAsync(channel, q, competitions, apply, includeFinished, cancellationToken);
            if (outcome is null)
                continue;
            if (outcome.Changed == 0)
                unchanged += outcome.Stale;
            else
                changed.Add(outcome);
        }
        if (apply && changed.Count > 0)
        {
            leaderboards.Invalidate(channel.GroupId);
            if (includeFinished)
                await RefreezeAsync(channel.GroupId, competitions, cancellationToken);
            logger.LogInformation("Regraded {Questions} questions in group {Group}: {Answers} answers changed",
                changed.Count, channel.GroupId, changed.Sum(c => c.Changed));
        }
        return new RegradeReport.Done(apply, changed, unchanged, includeFinished);
    }

    /// <summary>Whether the admin's text names the question: its id, its id within the deck, its title, or its label (MCQ 3, mcq3).</summary>
    private static bool Names(Question q, string text)
    {
        text = text.Trim();
        return string.Equals(q.Id, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(QuestionIds.Local(q), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(DeckLabels.Label(q.Section, q.Number).Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            || (q.Title is { } title && string.Equals(title, text, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<QuestionRegrade?> QuestionAsync(ChannelInfo channel, Question q, IReadOnlyList<CompetitionSpan> competitions,
        bool apply, bool includeFinished, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await QuestionOnceAsync(channel, q, competitions, apply, includeFinished, cancellationToken);
            }
            catch (DbException ex) when (ex.IsTransient && attempt < MaxAttempts)
            {
                logger.LogInformation("Regrading {Question} met a transient database error ({Error}); retrying", q.Id, ex.Message);
            }
        }
    }

    private async Task<QuestionRegrade?> QuestionOnceAsync(ChannelInfo channel, Question q, IReadOnlyList<CompetitionSpan> competitions,
        bool apply, bool includeFinished, CancellationToken cancellationToken)
    {
        var version = QuestionVersion.Of(q);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = apply ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (apply)
            await LockAsync(db, channel.GroupId, q.Id, cancellationToken);

        var hidden = (await db.Posts.AsNoTracking().Where(p => p.GroupId == channel.GroupId && p.QuestionId == q.Id && p.HideResults)
            .Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var rows = await db.Answers.AsNoTracking().Where(a => a.GroupId == channel.GroupId && a.QuestionId == q.Id)
            .OrderBy(a => a.AnsweredUtc).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.PersonId, a.PostId, a.Response, a.Points, a.IsCorrect, a.Practice, a.AnsweredUtc, a.LatencyMs, a.QuestionVersion))
            .ToListAsync(cancellationToken);
        var stale = 0;
        var changes = new List<Change>();
        // A question's answers repeat a handful of responses: each is graded once.
        var grades = new Dictionary<string, GradeResult>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Version == version)
                continue;
            stale++;
            if (!grades.TryGetValue(row.Response, out var grade))
                grades[row.Response] = grade = Grader.Grade(q, [row.Response]);
            var (points, correct) = Regrade(grade, row, channel.SpeedBonus);
            if (points != row.Points || correct != row.IsCorrect)
                changes.Add(new Change(row, points, correct, hidden.Contains(row.PostId)));
        }
        if (stale == 0)
            return null;

        var zone = TimeZones.FindOrUtc(channel.TimeZone);
        var frozen = 0;
        var totals = new Dictionary<(long PersonId, string Period), (double Points, int Correct)>();
        foreach (var c in changes.Where(c => !c.Row.Practice && !c.Hidden))
        {
            var during = competitions.FirstOrDefault(s => s.Covers(c.Row.AnsweredUtc));
            if (during is { Finished: true } && !includeFinished)
                frozen++;
            var competition = during is { Finished: true } && !includeFinished ? null : during?.Id;
            foreach (var period in PeriodKeys.Of(c.Row.AnsweredUtc, zone, competition))
            {
                var before = totals.GetValueOrDefault((c.Row.PersonId, period));
                totals[(c.Row.PersonId, period)] = (before.Points + c.Points - c.Row.Points, before.Correct + (c.Correct ? 1 : 0) - (c.Row.IsCorrect ? 1 : 0));
            }
        }
        var outcome = Summarize(q, stale, changes, frozen);
        if (!apply)
            return outcome;

        var connection = db.Database.GetDbConnection();
        var transaction = tx!.GetDbTransaction();
        // Set-based: one statement per distinct new result, not one per answer; the ids go as one
        // array parameter (EF.Parameter), which neither provider limits as it does separate parameters.
        foreach (var group in changes.GroupBy(c => (c.Points, c.Correct)))
        {
            var ids = group.Select(c => c.Row.Id).ToList();
            var (points, correct) = group.Key;
            await db.Answers.Where(a => EF.Parameter(ids).Contains(a.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Points, points).SetProperty(a => a.IsCorrect, correct), cancellationToken);
        }
        await db.Answers.Where(a => a.GroupId == channel.GroupId && a.QuestionId == q.Id && (a.QuestionVersion == null || a.QuestionVersion != version))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.QuestionVersion, version), cancellationToken);
        foreach (var group in totals.Where(t => t.Value.Points != 0 || t.Value.Correct != 0).GroupBy(t => (t.Key.Period, t.Value.Points, t.Value.Correct)))
        {
            var ids = group.Select(t => t.Key.PersonId).ToList();
            var (period, points, correct) = group.Key;
            await db.ScoreTotals.Where(t => t.GroupId == channel.GroupId && t.Period == period && EF.Parameter(ids).Contains(t.PersonId))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Points, t => t.Points + points).SetProperty(t => t.Correct, t => t.Correct + correct), cancellationToken);
        }
        var shown = changes.Where(c => !c.Hidden).ToList();
        await StreaksAsync(db, shown.Where(c => !c.Row.Practice && c.Correct != c.Row.IsCorrect).Select(c => c.Row.PersonId), cancellationToken);
        await MemoriesAsync(connection, transaction, q.Id, rows, changes, hidden, cancellationToken);
        await tx!.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Holds off answers to the question's posts (the writer takes the post row FOR SHARE)
    /// and a regrade of the same question on another replica until this one commits, so what is read
    /// is what is updated. SQLite needs nothing more: its transactions begin IMMEDIATE, as the single writer.</summary>
    private async Task LockAsync(BotDbContext db, long groupId, string questionId, CancellationToken cancellationToken)
    {
        if (connections.IsPostgres)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Posts" WHERE "GroupId" = {groupId} AND "QuestionId" = {questionId} FOR UPDATE""", cancellationToken);
    }

    /// <summary>The new result of a stored answer, given its grade under the question's current version.</summary>
    internal static (double Points, bool Correct) Regrade(GradeResult grade, Row row, bool speedBonus)
    {
        var correct = grade.IsValid && grade.IsCorrect;
        var points = grade.IsValid ? grade.Points : 0;
        if (row.Practice)
            return (0, correct);
        if (correct && row.IsCorrect)
            return (row.Points, true);
        if (correct)
            return (points + (speedBonus ? Bonuses.Speed(row.LatencyMs) : 0), true);
        return (points, false);
    }

    private static QuestionRegrade Summarize(Question q, int stale, List<Change> changes, int frozen)
    {
        var byPerson = changes.Where(c => !c.Row.Practice).GroupBy(c => c.Row.PersonId)
            .Select(g => g.Sum(c => c.Points - c.Row.Points)).ToList();
        var gained = byPerson.Where(d => d > 0).ToList();
        var lost = byPerson.Where(d => d < 0).Select(d => -d).ToList();
        static double? Each(List<double> list) => list.Count > 0 && list.All(d => d == list[0]) ? list[0] : null;
        return new QuestionRegrade(q, stale, changes.Count, gained.Count, gained.Sum(), lost.Count, lost.Sum(), Each(gained), Each(lost), frozen);
    }

    /// <summary>Streaks replayed from each person's scored answers as they now stand.</summary>
    private static async Task StreaksAsync(BotDbContext db, IEnumerable<long> personIds, CancellationToken cancellationToken)
    {
        var people = personIds.Distinct().ToList();
        if (people.Count == 0)
            return;
        var answers = await db.ShownAnswers.AsNoTracking().Where(a => !a.Practice && EF.Parameter(people).Contains(a.PersonId))
            .OrderBy(a => a.AnsweredUtc).ThenBy(a => a.Id).Select(a => new { a.PersonId, a.IsCorrect }).ToListAsync(cancellationToken);
        var streaks = new List<(long PersonId, int Streak, int Best)>();
        foreach (var person in answers.GroupBy(a => a.PersonId))
        {
            int streak = 0, best = 0;
            foreach (var a in person)
            {
                streak = a.IsCorrect ? streak + 1 : 0;
                best = Math.Max(best, streak);
            }
            streaks.Add((person.Key, streak, best));
        }
        foreach (var group in streaks.GroupBy(s => (s.Streak, s.Best)))
        {
            var ids = group.Select(s => s.PersonId).ToList();
            var (streak, best) = group.Key;
            await db.People.Where(p => EF.Parameter(ids).Contains(p.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.CurrentStreak, streak).SetProperty(p => p.BestStreak, best), cancellationToken);
        }
    }

    /// <summary>The FSRS memory of the question, and its right/wrong counts, replayed from each
    /// person's shown answers to it as they now stand.</summary>
    private static async Task MemoriesAsync(DbConnection connection, DbTransaction transaction, string questionId, List<Row> rows,
        List<Change> changes, HashSet<long> hidden, CancellationToken cancellationToken)
    {
        var people = changes.Where(c => !c.Hidden).Select(c => c.Row.PersonId).ToHashSet();
        if (people.Count == 0)
            return;
        var now = changes.ToDictionary(c => c.Row.Id);
        var fsrs = Fsrs.Default;
        await using var update = Command(connection, transaction, """
            UPDATE "ReviewStates" SET "Stability" = @p0, "Difficulty" = @p1, "LastReviewUtc" = @p2, "DueUtc" = @p3, "Right" = @p4, "Wrong" = @p5
            WHERE "PersonId" = @p6 AND "QuestionId" = @p7
            """, 8);
        foreach (var person in rows.Where(r => people.Contains(r.PersonId) && !hidden.Contains(r.PostId)).GroupBy(r => r.PersonId))
        {
            MemoryState? memory = null;
            int right = 0, wrong = 0;
            foreach (var r in person)
            {
                var (points, correct) = now.TryGetValue(r.Id, out var c) ? (c.Points, c.Correct) : (r.Points, r.IsCorrect);
                memory = fsrs.Review(memory, DateTime.SpecifyKind(r.AnsweredUtc, DateTimeKind.Utc), Grades.RatingOf(correct, points));
                if (correct)
                    right++;
                else
                    wrong++;
            }
            await ExecuteAsync(update, cancellationToken, memory!.Stability, memory.Difficulty, memory.LastReviewUtc, memory.DueUtc, right, wrong, person.Key, questionId);
        }
    }

    private async Task<List<CompetitionSpan>> CompetitionsAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Competitions.AsNoTracking().Where(c => c.GroupId == groupId)
                .Select(c => new { c.Id, c.StartUtc, c.EndUtc, c.EndedUtc }).ToListAsync(cancellationToken))
            .Select(c => new CompetitionSpan(c.Id, c.StartUtc, c.EndUtc, c.EndedUtc)).ToList();
    }

    /// <summary>A finished competition whose totals were regraded: its frozen standings are written again.</summary>
    private async Task RefreezeAsync(long groupId, IReadOnlyList<CompetitionSpan> competitions, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var c in competitions.Where(c => c.Finished))
        {
            var csv = await boards.ExportCsvAsync(groupId, PeriodKeys.Competition(c.Id), cancellationToken);
            await db.Competitions.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FinalStandings, csv), cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }
        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal sealed record Row(long Id, long PersonId, long PostId, string Response, double Points, bool IsCorrect, bool Practice,
        DateTime AnsweredUtc, int LatencyMs, string? Version);

    private sealed record Change(Row Row, double Points, bool Correct, bool Hidden);

    private sealed record CompetitionSpan(long Id, DateTime StartUtc, DateTime EndUtc, DateTime? EndedUtc)
    {
        public bool Finished => EndedUtc is not null;

        public bool Covers(DateTime utc) => StartUtc <= utc && utc < EndUtc && (EndedUtc is not { } ended || utc < ended);
    }
}
