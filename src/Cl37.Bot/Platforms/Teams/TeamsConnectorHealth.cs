namespace Cl37.Bot.Platforms.Teams;

/// <summary>The last Bot Connector call that failed after all its retries, until the next success;
/// the health check reports Teams degraded meanwhile.</summary>
internal sealed class TeamsConnectorHealth(TimeProvider time)
{
    private volatile string? _lastFailure;

    public string? LastFailure => _lastFailure;

    public void Succeeded() => _lastFailure = null;

    public void Failed(string operation, string reason) =>
        _lastFailure = $"Bot Connector {operation} failed at {time.GetUtcNow():u}: {reason}";
}
