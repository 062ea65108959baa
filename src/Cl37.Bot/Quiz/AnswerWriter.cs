using System.Data.Common;
using System.Threading.Channels;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>The single writer for answers: it drains waiting answers in batches, stores each batch
/// in one transaction (person, answer, totals, streak, review box) and only then completes the
/// callers. One answer per (post, person) is enforced by the unique key with ON CONFLICT DO NOTHING,
/// so a redelivered click or a second replica can never store twice.</summary>
public sealed class AnswerWriter(IDbContextFactory<BotDbContext> factory, ILogger<AnswerWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private static readonly int[] ReviewDays = [1, 2, 4, 8, 16];

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<StoredAnswer> WriteAsync(PendingAnswer answer, CancellationToken cancellationToken)
    {
        var work = new Work(answer, new TaskCompletionSource<StoredAnswer>(TaskCreationOptions.RunContinuationsAsynchronously));
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
                var results = await WriteBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Done.TrySetResult(results[i]);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Storing {Count} answers failed; they were not saved", batch.Count);
                foreach (var work in batch)
                    work.Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<StoredAnswer[]> WriteBatchAsync(List<Work> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var results = new StoredAnswer[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            results[i] = await WriteOneAsync(connection, tx, batch[i].Answer);
        await tx.CommitAsync();
        return results;
    }

    private static async Task<StoredAnswer> WriteOneAsync(DbConnection connection, DbTransaction tx, PendingAnswer a)
    {
        long personId;
        int streak, best;
        await using (var cmd = Command(connection, tx,
            """
            INSERT INTO "People" ("GroupId", "ExternalId", "DisplayName", "CurrentStreak", "BestStreak")
            VALUES (@g, @e, @n, 0, 0)
            ON CONFLICT ("GroupId", "ExternalId") DO UPDATE SET "DisplayName" = excluded."DisplayName"
            RETURNING "Id", "CurrentStreak", "BestStreak"
            """, ("g", a.GroupId), ("e", a.PersonExternalId), ("n", a.DisplayName)))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            personId = reader.GetInt64(0);
            streak = reader.GetInt32(1);
            best = reader.GetInt32(2);
        }

        var scored = !a.Practice;
        var points = a.BasePoints;
        if (scored && a.IsCorrect)
        {
            if (a.StreakBonus)
                points += Bonuses.Streak(streak);
            if (a.SpeedBonus)
                points += Bonuses.Speed(a.LatencyMs);
        }
        if (!scored)
            points = 0;

        object? inserted;
        await using (var cmd = Command(connection, tx,
            """
            INSERT INTO "Answers" ("PostId", "PersonId", "GroupId", "QuestionId", "Response", "Points", "IsCorrect", "Practice", "AnsweredUtc", "LatencyMs")
            VALUES (@post, @person, @g, @q, @r, @pts, @ok, @practice, @at, @lat)
            ON CONFLICT ("PostId", "PersonId") DO NOTHING
            RETURNING "Id"
            """, ("post", a.PostId), ("person", personId), ("g", a.GroupId), ("q", a.QuestionId), ("r", a.Response),
            ("pts", points), ("ok", a.IsCorrect), ("practice", a.Practice), ("at", a.AnsweredUtc), ("lat", a.LatencyMs)))
        {
            inserted = await cmd.ExecuteScalarAsync();
        }

        if (inserted is null or DBNull)
        {
            await using var cmd = Command(connection, tx,
                """SELECT "Response", "Points", "IsCorrect", "Practice" FROM "Answers" WHERE "PostId" = @post AND "PersonId" = @person""",
                ("post", a.PostId), ("person", personId));
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new StoredAnswer(false, personId, reader.GetString(0), reader.GetDouble(1), reader.GetBoolean(2), reader.GetBoolean(3), streak);
        }

        if (scored)
        {
            foreach (var period in a.Periods)
            {
                await using var cmd = Command(connection, tx,
                    """
                    INSERT INTO "ScoreTotals" ("GroupId", "Period", "PersonId", "Points", "Answered", "Correct")
                    VALUES (@g, @period, @person, @pts, 1, @c)
                    ON CONFLICT ("GroupId", "Period", "PersonId") DO UPDATE SET
                        "Points" = "ScoreTotals"."Points" + excluded."Points",
                        "Answered" = "ScoreTotals"."Answered" + 1,
                        "Correct" = "ScoreTotals"."Correct" + excluded."Correct"
                    """, ("g", a.GroupId), ("period", period), ("person", personId), ("pts", points), ("c", a.IsCorrect ? 1 : 0));
                await cmd.ExecuteNonQueryAsync();
            }
            streak = a.IsCorrect ? streak + 1 : 0;
            await using (var cmd = Command(connection, tx,
                """UPDATE "People" SET "CurrentStreak" = @s, "BestStreak" = @b WHERE "Id" = @person""",
                ("s", streak), ("b", Math.Max(best, streak)), ("person", personId)))
            {
                await cmd.ExecuteNonQueryAsync();
            }
        }

        await UpdateReviewAsync(connection, tx, personId, a);
        return new StoredAnswer(true, personId, a.Response, points, a.IsCorrect, a.Practice, streak);
    }

    // Leitner boxes: right moves the question up a box (reviewed later), wrong sends it back to box 1.
    private static async Task UpdateReviewAsync(DbConnection connection, DbTransaction tx, long personId, PendingAnswer a)
    {
        int box = 0;
        await using (var cmd = Command(connection, tx,
            """SELECT "Box" FROM "ReviewStates" WHERE "PersonId" = @person AND "QuestionId" = @q""", ("person", personId), ("q", a.QuestionId)))
        {
            if (await cmd.ExecuteScalarAsync() is { } value and not DBNull)
                box = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var newBox = a.IsCorrect ? Math.Min(5, Math.Max(1, box) + (box == 0 ? 0 : 1)) : 1;
        var due = a.AnsweredUtc.AddDays(a.IsCorrect ? ReviewDays[newBox - 1] : 0).AddMinutes(a.IsCorrect ? 0 : 10);
        await using var upsert = Command(connection, tx,
            """
            INSERT INTO "ReviewStates" ("PersonId", "QuestionId", "Box", "DueUtc", "Right", "Wrong")
            VALUES (@person, @q, @box, @due, @r, @w)
            ON CONFLICT ("PersonId", "QuestionId") DO UPDATE SET
                "Box" = excluded."Box", "DueUtc" = excluded."DueUtc",
                "Right" = "ReviewStates"."Right" + excluded."Right", "Wrong" = "ReviewStates"."Wrong" + excluded."Wrong"
            """, ("person", personId), ("q", a.QuestionId), ("box", newBox), ("due", due), ("r", a.IsCorrect ? 1 : 0), ("w", a.IsCorrect ? 0 : 1));
        await upsert.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private sealed record Work(PendingAnswer Answer, TaskCompletionSource<StoredAnswer> Done);
}
