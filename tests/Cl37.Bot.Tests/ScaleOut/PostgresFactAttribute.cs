namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>A test that needs the PostgreSQL server .ci/postgres starts. Under CI (CI=true) it always
/// runs, so an unreachable server fails it; elsewhere it is skipped with the reason.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.RequiredByCi && !PostgresServer.IsReachable())
            Skip = $"PostgreSQL is not reachable at {PostgresServer.Endpoint}; run `sudo bash .ci/postgres` or set {PostgresServer.EnvironmentVariable}.";
    }
}
