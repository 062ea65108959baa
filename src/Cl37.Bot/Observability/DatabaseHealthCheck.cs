using Cl37.Bot.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Observability;

/// <summary>Ready when the database is migrated, answers a query, is still the file this process
/// opened (SQLite: not deleted or replaced underneath it) on a disk with room to write, the timed read probe could read it, and
/// neither reads nor writes are failing. The check reads only: it never creates a missing SQLite file.</summary>
internal sealed class DatabaseHealthCheck(DatabaseState state, DatabaseConnections connections, SqliteFileGuard guard, SqliteDiskSpace space, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private string? _lastFileProblem;
    private int _spaceLow;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsReady)
            return HealthCheckResult.Unhealthy("the database is not migrated yet");
        var name = connections.IsPostgres ? "PostgreSQL" : "SQLite";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Budget);
            if (state.SqliteFile is not null)
            {
                if (guard.Problem() is { } problem)
                    return Unhealthy(problem);
                Recovered();
                if (space.Problem() is { } lowSpace)
                    return LowSpace(lowSpace);
                SpaceRecovered();
            }
            else
            {
                await using var connection = await connections.OpenAsync(timeout.Token, mustExist: true);
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT 1";
                await cmd.ExecuteScalarAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the database is unreachable: {StorageFaults.Describe(ex)}");
        }
        if (state.ProbeFailure is { } unreadable)
            return HealthCheckResult.Unhealthy(unreadable);
        if (state.ReadFailure is { } readFailure)
            return HealthCheckResult.Unhealthy($"{name} reads are failing: {readFailure}");
        if (state.WriteFailure is { } failure)
            return HealthCheckResult.Unhealthy($"{name} writes are failing: {failure}");
        return HealthCheckResult.Healthy($"{name} reachable and migrated");
    }

    private HealthCheckResult Unhealthy(string problem)
    {
        if (Interlocked.Exchange(ref _lastFileProblem, problem) != problem)
            logger.LogError("Storage: {Problem}", problem);
        return HealthCheckResult.Unhealthy(problem);
    }

    private void Recovered() => Interlocked.Exchange(ref _lastFileProblem, null);

    // The free space in the sentence changes with every write, so it is logged once until space returns.
    private HealthCheckResult LowSpace(string problem)
    {
        if (Interlocked.Exchange(ref _spaceLow, 1) == 0)
            logger.LogError("Storage: {Problem}", problem);
        return HealthCheckResult.Unhealthy(problem);
    }

    private void SpaceRecovered()
    {
        if (Interlocked.Exchange(ref _spaceLow, 0) == 1)
            logger.LogInformation("Storage: the database's disk has room to write again");
    }
}
