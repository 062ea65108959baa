using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Bot Connector operations (send, reply, update, create, member) that failed after all
/// their retries, each until that operation succeeds again or the failure ages out; the health
/// check reports Teams degraded and names every one of them meanwhile.</summary>
internal sealed class TeamsConnectorHealth(TimeProvider time)
{
    private readonly PlatformFailures _failures = new(time);

    /// <summary>Every operation failing now, newest first, or null when none is failing.</summary>
    public string? Failure => _failures.Describe();

    public void Succeeded(string operation) => _failures.Succeeded(operation);

    public void Failed(string operation, string reason) => _failures.Failed(operation, $"Bot Connector {operation} failed: {reason}");
}
