using Cl37.Bot.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Observability;

/// <summary>Ready when the migrations have been applied and the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(DatabaseState state, DatabaseConnections connections) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsReady)
            return HealthCheckResult.Unhealthy("the database is not migrated yet");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Budget);
            await using var connection = await connections.OpenAsync(timeout.Token);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT 1";
            await cmd.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy((connections.IsPostgres ? "PostgreSQL" : "SQLite") + " reachable and migrated");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the database is unreachable: " + ex.GetType().Name);
        }
    }
}
