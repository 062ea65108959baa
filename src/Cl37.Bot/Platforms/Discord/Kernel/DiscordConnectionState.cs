
namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>What the health check and the gauge report about the Discord connection.</summary>
internal sealed class DiscordConnectionState
{
    public enum Kind
    {
        Disabled,
        Connecting,
        Ready,
        Reconnecting,
        Stopped,
        Http,
    }

    private volatile StateSnapshot _snapshot = new(Kind.Disabled, null);

    public Kind State => _snapshot.State;

    /// <summary>Why the adapter stopped (a fatal close code, a rejected token), when it did.</summary>
    public string? Reason => _snapshot.Reason;

    public void Set(Kind state, string? reason = null) => _snapshot = new StateSnapshot(state, reason);

    private sealed record StateSnapshot(Kind State, string? Reason);
}
