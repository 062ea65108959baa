using System.Data.Common;
using System.Threading.Channels;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>The single writer for answers: it drains waiting answers in batches, stores each batch
/// in one transaction (person, answer, totals, streak, FSRS memory) and only then completes the
/// callers. One answer per (post, person) is enforced by the unique key with ON CONFLICT DO NOTHING,
/// so a redelivered click or a second replica can never store twice. What scoring depends on is read
/// in the same transaction and handed to <see cref="AnswerScoring"/>: whether the post is still open,
/// with the post row locked against a concurrent reveal, so no replica scores an answer after another
/// one revealed the question; and the person's streak and memory of the question, with the person's row locked,
/// so two replicas cannot both build on the same streak.
/// An answer to a post that hides its results until the reveal is withheld: stored with its points,
/// but added to no total, streak or memory, so no view can tell how it went; the reveal
/// releases the post's answers into them (<see cref="ReleaseAsync"/>) exactly once.
/// It also claims the ids of handled requests (<see cref="IRequestLedger"/>) in the same batches:
/// SQLite has one writer at a time, and a second writing loop would make each wait on the other.</summary>
public sealed class AnswerWriter(
    IDbContextFactory<BotDbContext> factory,
    DatabaseConnections connections,
    DatabaseState state,
    SqliteFileGuard guard,
    LeaderboardCache leaderboards,
    TimeProvider time,
    ILogger<AnswerWriter> logger) : BackgroundService, IRequestLedger
{
    private const int MaxBatch = 256;
    private const int MaxAttempts = 4;

    /// <summary>How often expired request ids are deleted.</summary>
    internal static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);

    /// <summary>Request ids are kept this long past their expiry, for replicas whose clocks run behind.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly PersonCache _people = new();

    // Only the writer loop touches it: one open connection with its statements prepared once, reopened after a failure.
    private Session? _session;

    private DateTime _nextPurge = DateTime.MinValue;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<StoredAnswer> WriteAsync(PendingAnswer answer, CancellationToken cancellationToken)
    {
        var work = new AnswerWork(answer);
        await _queue.Writer.WriteAsync(work, cancellationToken);
        return await work.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Adds a revealed post's withheld answers to the totals, streaks and FSRS memories and
    /// marks the post's results shown, in one transaction; nothing when they were released before.</summary>
    public async Task ReleaseAsync(long postId, long groupId, IReadOnlyList<WithheldAnswer> answers, CancellationToken cancellationToken)
    {
        var work = new ReleaseWork(postId, groupId, answers);
        await _queue.Writer.WriteAsync(work, cancellationToken);
        await work.Done.Task.WaitAsync(cancellationToken);
    }

    public async Task<bool> TryClaimAsync(long id, DateTime expiresUtc, CancellationToken cancellationToken)
    {
        var work = new ClaimWork(id, expiresUtc);
        await _queue.Writer.WriteAsync(work, cancellationToken);
        return await work.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Work>(MaxBatch);
        // Answers already queued when the host stops are still stored: the loop drains until the
        // writer is completed in StopAsync, not until the stopping token fires.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work))
                batch.Add(work);
            try
            {
                await WriteBatchAsync(batch);
                state.WriteSucceeded();
                foreach (var groupId in batch.OfType<AnswerWork>().Select(w => w.Answer.GroupId).Concat(batch.OfType<ReleaseWork>().Select(w => w.GroupId)).Distinct())
                    leaderboards.Invalidate(groupId);
                foreach (var work in batch)
                    work.Complete();
            }
            catch (Exception ex)
            {
                StorageFaults.MarkWrite(ex);
                state.WriteFailed(ex);
                logger.LogWarning(ex, "Storing {Count} answers and request ids failed; they were not saved", batch.Count);
                foreach (var work in batch)
                    work.Fail(ex);
            }
            batch.Clear();
        }
        await ResetSessionAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(List<Work> batch)
    {
        // Replicas on PostgreSQL write batches concurrently: taking the row locks in one global
        // order (request ids first, then group, person) keeps two batches from deadlocking, and a
        // transient failure (deadlock 40P01, serialization 40001, SQLite busy; a release, rare, may
        // meet another replica's answers in the other order) rolls the whole batch back, so it is retried.
        var order = batch.OrderBy(w => w is AnswerWork)
            .ThenBy(w => (w as ClaimWork)?.Id)
            .ThenBy(w => (w as AnswerWork)?.Answer.GroupId)
            .ThenBy(w => (w as AnswerWork)?.Answer.PersonExternalId, StringComparer.Ordinal)
            .ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Writing on through an open connection to a deleted or replaced file would acknowledge
                // answers that are already lost: checked before the batch, and again after its commit.
                guard.ThrowIfLost();
                _session ??= await Session.OpenAsync(factory, _people, connections.IsPostgres);
                var now = time.GetUtcNow().UtcDateTime;
                var purge = now >= _nextPurge;
                _session.Write(order, purge ? now - ClockSkew : null);
                guard.ThrowIfLost();
                if (purge)
                    _nextPurge = now + PurgeEvery;
                return;
            }
            catch (DbException ex) when (ex.IsTransient && attempt < MaxAttempts)
            {
                await ResetSessionAsync();
                logger.LogInformation("Storing {Count} answers hit a transient database error ({Error}); retrying", batch.Count, ex.Message);
            }
            catch
            {
                // A fresh connection next time: after a full disk or a dropped server the old one may be unusable.
                await ResetSessionAsync();
                throw;
            }
        }
    }

    private async Task ResetSessionAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    // The writer is one dedicated loop: synchronous calls skip a Task per statement (SQLite is
    // synchronous underneath anyway).
    private static StoredAnswer WriteOne(Statements s, PendingAnswer a)
    {
        long personId;
        AnswererState before;
        if (s.KnownPerson(a.GroupId, a.PersonExternalId, a.DisplayName) is { } known)
        {
            personId = known;
            before = s.StateOf(personId, a.QuestionId);
        }
        else
        {
            // The upsert locks the person's row as the state read does, so what it returns is the
            // streak to build on, and only the memory of the question is left to read.
            s.Person.Bind(a.GroupId, a.PersonExternalId, a.DisplayName);
            int streak, best;
            using (var reader = s.Person.Command.ExecuteReader())
            {
                reader.Read();
                (personId, streak, best) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
            }
            s.Learned(a.GroupId, a.PersonExternalId, a.DisplayName, personId);
            before = new AnswererState(streak, best, s.MemoryOf(personId, a.QuestionId));
        }

        var hidesResults = false;
        var counts = !a.Practice && s.IsOpen(a.PostId, a.AnsweredUtc, out hidesResults);
        var score = AnswerScoring.Score(a.BasePoints, a.IsCorrect, counts, a.Bonuses, before, a.SincePost, a.AnsweredUtc);

        s.Insert.Bind(a.PostId, personId, a.GroupId, a.QuestionId, a.Response, score.Points, a.IsCorrect, score.Practice, a.AnsweredUtc,
            AnswerScoring.LatencyMs(a.SincePost), (object?)a.QuestionVersion ?? DBNull.Value);
        // ON CONFLICT DO NOTHING: no row changed means an earlier answer of this person stands.
        if (s.Insert.Command.ExecuteNonQuery() == 0)
        {
            s.Existing.Bind(a.PostId, personId);
            using var reader = s.Existing.Command.ExecuteReader();
            reader.Read();
            return new StoredAnswer(personId, reader.GetString(0), reader.GetDouble(1), reader.GetBoolean(2), reader.GetBoolean(3), null);
        }

        // Withheld until the reveal: the stored row is all there is of it.
        if (hidesResults && score.Scored)
            return new StoredAnswer(personId, a.Response, score.Points, a.IsCorrect, score.Practice, score);

        if (score.Scored)
        {
            AddToTotals(s, a.GroupId, personId, score.Points, a.IsCorrect, a.Periods);
            SetStreak(s, personId, before, score);
        }
        SetMemory(s, personId, a.QuestionId, score, a.IsCorrect);
        return new StoredAnswer(personId, a.Response, score.Points, a.IsCorrect, score.Practice, score);
    }

    /// <summary>What an answer would have done to totals, streak and FSRS memory, done now for the
    /// withheld answers of a revealed post, in the order they were given; their points stand as
    /// scored. The flag flips first, so a release that another replica already did does nothing.</summary>
    private static void Release(Statements s, ReleaseWork r)
    {
        s.ShowResults.Bind(r.PostId, false, true);
        if (s.ShowResults.Command.ExecuteNonQuery() == 0)
            return;
        foreach (var a in r.Answers)
        {
            var before = s.StateOf(a.PersonId, a.QuestionId);
            var score = AnswerScoring.Score(a.Points, a.IsCorrect, counts: true, BonusSettings.None, before, TimeSpan.Zero, a.AnsweredUtc);
            AddToTotals(s, r.GroupId, a.PersonId, a.Points, a.IsCorrect, a.Periods);
            SetStreak(s, a.PersonId, before, score);
            SetMemory(s, a.PersonId, a.QuestionId, score, a.IsCorrect);
        }
    }

    private static void AddToTotals(Statements s, long groupId, long personId, double points, bool isCorrect, IReadOnlyList<string> periods)
    {
        if (periods.Count == 0)
            return;
        var totals = s.Totals(periods.Count);
        var values = new object[4 + periods.Count];
        values[0] = groupId;
        values[1] = personId;
        values[2] = points;
        values[3] = isCorrect ? 1 : 0;
        for (var i = 0; i < periods.Count; i++)
            values[4 + i] = periods[i];
        totals.Bind(values);
        totals.Command.ExecuteNonQuery();
    }

    private static void SetMemory(Statements s, long personId, string questionId, ScoredAnswer score, bool isCorrect)
    {
        var m = score.Memory;
        s.Review.Bind(personId, questionId, m.Stability, m.Difficulty, m.LastReviewUtc, m.DueUtc, isCorrect ? 1 : 0, isCorrect ? 0 : 1);
        s.Review.Command.ExecuteNonQuery();
    }

    private static void SetStreak(Statements s, long personId, AnswererState before, ScoredAnswer score)
    {
        if (score.Streak == before.Streak && score.BestStreak == before.BestStreak)
            return;
        s.Streak.Bind(score.Streak, score.BestStreak, personId);
        s.Streak.Command.ExecuteNonQuery();
    }

    /// <summary>The writer's connection, kept open with its statements prepared once: opening, setting
    /// pragmas and preparing eight statements per batch cost more than the answers of a small batch.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly BotDbContext _db;
        private readonly Statements _statements;

        private Session(BotDbContext db, Statements statements)
        {
            _db = db;
            _statements = statements;
        }

        public static async Task<Session> OpenAsync(IDbContextFactory<BotDbContext> factory, PersonCache people, bool postgres)
        {
            var db = await factory.CreateDbContextAsync();
            try
            {
                // Opened through EF so the SQLite pragmas (synchronous=NORMAL) apply to this connection too.
                await db.Database.OpenConnectionAsync();
                return new Session(db, new Statements(db.Database.GetDbConnection(), people, postgres));
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        /// <param name="purgeBefore">When set, request ids that expired before it are deleted too.</param>
        public void Write(Work[] ordered, DateTime? purgeBefore)
        {
            var connection = _db.Database.GetDbConnection();
            using var tx = connection.BeginTransaction();
            _statements.Begin(tx);
            if (purgeBefore is { } before)
            {
                _statements.Purge.Bind(before);
                _statements.Purge.Command.ExecuteNonQuery();
            }
            foreach (var work in ordered)
            {
                switch (work)
                {
                    case AnswerWork a:
                        a.Result = WriteOne(_statements, a.Answer);
                        break;
                    case ReleaseWork r:
                        Release(_statements, r);
                        break;
                    case ClaimWork c:
                        _statements.Claim.Bind(c.Id, c.ExpiresUtc);
                        // ON CONFLICT DO NOTHING: no row inserted means some replica claimed the id before.
                        c.Claimed = _statements.Claim.Command.ExecuteNonQuery() == 1;
                        break;
                }
            }
            tx.Commit();
            _statements.Committed();
        }

        public async ValueTask DisposeAsync()
        {
            await _statements.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    private sealed class Statements(DbConnection connection, PersonCache people, bool postgres) : IAsyncDisposable
    {
        private DbTransaction? _tx;
        private readonly List<(long GroupId, string ExternalId, string Name, long Id)> _learned = [];
        private readonly Dictionary<long, (bool Revealed, DateTime? ClosesUtc, bool HidesResults)> _postStates = [];

        /// <summary>The person's id when this writer already stored them under the same name.</summary>
        public long? KnownPerson(long groupId, string externalId, string name) => people.Find(groupId, externalId, name);

        public void Learned(long groupId, string externalId, string name, long id) => _learned.Add((groupId, externalId, name, id));

        /// <summary>Starts a batch: people learned by a rolled-back batch are forgotten here.</summary>
        public void Begin(DbTransaction tx)
        {
            _tx = tx;
            _learned.Clear();
            _postStates.Clear();
            foreach (var p in All())
                p.Command.Transaction = tx;
        }

        /// <summary>Remembers the people of a committed batch (never of a rolled-back one).</summary>
        public void Committed()
        {
            foreach (var (groupId, externalId, name, id) in _learned)
                people.Remember(groupId, externalId, name, id);
        }

        private IEnumerable<Prepared> All() => new[] { PostState, ShowResults, Person, PersonState, MemoryRow, Insert, Existing, Streak, Review, Claim, Purge }.Concat(_totals.Values);

        /// <summary>Whether the post takes scored answers at <paramref name="answeredUtc"/>: not revealed
        /// and not past its window, as the database holds it inside this batch's transaction; and
        /// whether it still hides its results. Read once per post and batch: SQLite's writer
        /// transaction (BEGIN IMMEDIATE) and PostgreSQL's FOR SHARE row lock keep a reveal from
        /// committing in between.</summary>
        public bool IsOpen(long postId, DateTime answeredUtc, out bool hidesResults)
        {
            if (!_postStates.TryGetValue(postId, out var state))
            {
                PostState.Bind(postId);
                using var reader = PostState.Command.ExecuteReader();
                state = reader.Read() ? (!reader.IsDBNull(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1), reader.GetBoolean(2)) : (true, null, false);
                _postStates[postId] = state;
            }
            hidesResults = state.HidesResults;
            return !state.Revealed && (state.ClosesUtc is not { } closes || answeredUtc < closes);
        }

        // A reveal claims the post with UPDATE … SET "RevealedUtc"; FOR SHARE makes it wait for this
        // transaction (and this read wait for a reveal in progress), so the reveal counts what was scored.
        public Prepared PostState { get; } = new(connection,
            """SELECT "RevealedUtc", "ClosesUtc", "HideResults" FROM "Posts" WHERE "Id" = @p0""" + (postgres ? " FOR SHARE" : ""), 1);

        // p1 false, p2 true: only a post whose results are still hidden.
        public Prepared ShowResults { get; } = new(connection,
            """UPDATE "Posts" SET "HideResults" = @p1 WHERE "Id" = @p0 AND "HideResults" = @p2""", 3);

        /// <summary>The person's streak and memory of the question as the database holds them inside
        /// this batch's transaction. On PostgreSQL the person's row is locked first, holding off another
        /// replica's batch for the same person until this one commits (SQLite's writer transaction
        /// already does); the memory is read by a second statement because only a statement begun after
        /// the lock sees what that batch committed.</summary>
        public AnswererState StateOf(long personId, string questionId)
        {
            int streak, best;
            PersonState.Bind(personId);
            using (var reader = PersonState.Command.ExecuteReader())
            {
                if (!reader.Read())
                    return AnswererState.Newcomer;
                (streak, best) = (reader.GetInt32(0), reader.GetInt32(1));
            }
            return new AnswererState(streak, best, MemoryOf(personId, questionId));
        }

        /// <summary>The person's FSRS memory of the question; on PostgreSQL read only once the
        /// person's row is locked.</summary>
        public MemoryState? MemoryOf(long personId, string questionId)
        {
            MemoryRow.Bind(personId, questionId);
            using var reader = MemoryRow.Command.ExecuteReader();
            if (!reader.Read() || reader.GetDouble(0) <= 0)
                return null;
            var last = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            var due = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc);
            return new MemoryState(reader.GetDouble(0), reader.GetDouble(1), last, (int)Math.Round((due - last).TotalDays));
        }

        public Prepared PersonState { get; } = new(connection,
            """SELECT "CurrentStreak", "BestStreak" FROM "People" WHERE "Id" = @p0""" + (postgres ? " FOR UPDATE" : ""), 1);

        public Prepared MemoryRow { get; } = new(connection,
            """SELECT "Stability", "Difficulty", "LastReviewUtc", "DueUtc" FROM "ReviewStates" WHERE "PersonId" = @p0 AND "QuestionId" = @p1""", 2);

        public Prepared Person { get; } = new(connection, """
            INSERT INTO "People" ("GroupId", "ExternalId", "DisplayName", "CurrentStreak", "BestStreak")
            VALUES (@p0, @p1, @p2, 0, 0)
            ON CONFLICT ("GroupId", "ExternalId") DO UPDATE SET "DisplayName" = excluded."DisplayName"
            RETURNING "Id", "CurrentStreak", "BestStreak"
            """, 3);

        public Prepared Insert { get; } = new(connection, """
            INSERT INTO "Answers" ("PostId", "PersonId", "GroupId", "QuestionId", "Response", "Points", "IsCorrect", "Practice", "AnsweredUtc", "LatencyMs", "QuestionVersion")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            ON CONFLICT ("PostId", "PersonId") DO NOTHING
            """, 11);

        public Prepared Existing { get; } = new(connection,
            """SELECT "Response", "Points", "IsCorrect", "Practice" FROM "Answers" WHERE "PostId" = @p0 AND "PersonId" = @p1""", 2);

        private readonly Dictionary<int, Prepared> _totals = [];

        // All periods of one answer in one statement: p0 group, p1 person, p2 points, p3 right (0/1), p4… periods.
        public Prepared Totals(int periods)
        {
            if (_totals.TryGetValue(periods, out var prepared))
                return prepared;
            var rows = string.Join(", ", Enumerable.Range(0, periods).Select(i => $"(@p0, @p{4 + i}, @p1, @p2, 1, @p3)"));
            prepared = new Prepared(connection, $"""
                INSERT INTO "ScoreTotals" ("GroupId", "Period", "PersonId", "Points", "Answered", "Correct")
                VALUES {rows}
                ON CONFLICT ("GroupId", "Period", "PersonId") DO UPDATE SET
                    "Points" = "ScoreTotals"."Points" + excluded."Points",
                    "Answered" = "ScoreTotals"."Answered" + 1,
                    "Correct" = "ScoreTotals"."Correct" + excluded."Correct"
                """, 4 + periods);
            prepared.Command.Transaction = _tx;
            _totals[periods] = prepared;
            return prepared;
        }

        public Prepared Streak { get; } = new(connection,
            """UPDATE "People" SET "CurrentStreak" = @p0, "BestStreak" = @p1 WHERE "Id" = @p2""", 3);

        // p2…p5: the memory as scored; p6, p7: 1 to count the answer as right or wrong.
        public Prepared Review { get; } = new(connection, """
            INSERT INTO "ReviewStates" ("PersonId", "QuestionId", "Stability", "Difficulty", "LastReviewUtc", "DueUtc", "Right", "Wrong")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            ON CONFLICT ("PersonId", "QuestionId") DO UPDATE SET
                "Stability" = excluded."Stability",
                "Difficulty" = excluded."Difficulty",
                "LastReviewUtc" = excluded."LastReviewUtc",
                "DueUtc" = excluded."DueUtc",
                "Right" = "ReviewStates"."Right" + excluded."Right",
                "Wrong" = "ReviewStates"."Wrong" + excluded."Wrong"
            """, 8);

        public Prepared Claim { get; } = new(connection, """
            INSERT INTO "HandledInteractions" ("Id", "ExpiresUtc") VALUES (@p0, @p1)
            ON CONFLICT ("Id") DO NOTHING
            """, 2);

        public Prepared Purge { get; } = new(connection,
            """DELETE FROM "HandledInteractions" WHERE "ExpiresUtc" < @p0""", 1);

        public async ValueTask DisposeAsync()
        {
            foreach (var p in All())
                await p.Command.DisposeAsync();
        }
    }

    private sealed class Prepared
    {
        public Prepared(DbConnection connection, string sql, int parameters)
        {
            Command = connection.CreateCommand();
            Command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                var p = Command.CreateParameter();
                p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Command.Parameters.Add(p);
            }
        }

        public DbCommand Command { get; }

        public void Bind(params object[] values)
        {
            for (var i = 0; i < values.Length; i++)
                Command.Parameters[i].Value = values[i];
        }
    }

    // Only the writer loop touches it, so it needs no locking. Sized for the people who answer in a
    // day or so of a large course; a stream of new people (a bot farm, a benchmark) clears it rather
    // than growing the process with every person ever seen.
    private sealed class PersonCache
    {
        private const int MaxEntries = 10_000;
        private readonly Dictionary<(long, string), (string Name, long Id)> _byKey = [];

        public long? Find(long groupId, string externalId, string name) =>
            _byKey.TryGetValue((groupId, externalId), out var hit) && hit.Name == name ? hit.Id : null;

        public void Remember(long groupId, string externalId, string name, long id)
        {
            if (_byKey.Count >= MaxEntries)
                _byKey.Clear();
            _byKey[(groupId, externalId)] = (name, id);
        }
    }

    private abstract class Work
    {
        /// <summary>Hands the result of the committed batch to the caller.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class AnswerWork(PendingAnswer answer) : Work
    {
        public PendingAnswer Answer { get; } = answer;

        public TaskCompletionSource<StoredAnswer> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StoredAnswer? Result { get; set; }

        public override void Complete() => Done.TrySetResult(Result!);

        public override void Fail(Exception ex) => Done.TrySetException(ex);
    }

    private sealed class ReleaseWork(long postId, long groupId, IReadOnlyList<WithheldAnswer> answers) : Work
    {
        public long PostId { get; } = postId;

        public long GroupId { get; } = groupId;

        public IReadOnlyList<WithheldAnswer> Answers { get; } = answers;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete() => Done.TrySetResult();

        public override void Fail(Exception ex) => Done.TrySetException(ex);
    }

    private sealed class ClaimWork(long id, DateTime expiresUtc) : Work
    {
        public long Id { get; } = id;

        public DateTime ExpiresUtc { get; } = expiresUtc;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Claimed { get; set; }

        public override void Complete() => Done.TrySetResult(Claimed);

        public override void Fail(Exception ex) => Done.TrySetException(ex);
    }
}
