using Npgsql;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Builds the scheduler. With the clustered job store, Quartz creates its tables and lock
/// rows the first time a scheduler is built; two replicas doing that at once on a fresh PostgreSQL
/// database wait on each other's uncommitted lock rows inside Quartz's retries and never finish.
/// So replicas build theirs in turn, under a PostgreSQL advisory lock, and the lock rows are added
/// before any scheduler starts.</summary>
public sealed class SchedulerCreation(ISchedulerFactory factory, string? clusterConnection)
{
    // "QRTZ" after the migrations' "Cl37": a key of its own, so a migration never waits on it.
    private const long CreationLockKey = 0x436C3337_5152545A;

    public async Task<IScheduler> GetSchedulerAsync(CancellationToken cancellationToken)
    {
        if (clusterConnection is null)
            return await factory.GetScheduler(cancellationToken);
        await using var connection = new NpgsqlConnection(clusterConnection);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({CreationLockKey});", cancellationToken);
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            // Quartz adds each lock row the first time it takes that lock, inside its own transaction,
            // and two replicas adding the same row at once block each other the same way; added here,
            // committed, the rows are there before either replica's scheduler starts.
            await ExecuteAsync(connection, $"INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('{scheduler.SchedulerName}', 'TRIGGER_ACCESS'), ('{scheduler.SchedulerName}', 'STATE_ACCESS') ON CONFLICT DO NOTHING;", cancellationToken);
            return scheduler;
        }
        finally
        {
            // A pooled connection keeps its session locks, so the lock is given back explicitly.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({CreationLockKey});", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
