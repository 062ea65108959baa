namespace Cl37.Bot.Chat;

/// <summary>The pipeline's per-platform settings, filled in by each adapter when it registers.</summary>
public sealed class InboundOptions
{
    /// <summary>How long a platform waits for the reply before the work is deferred, by
    /// <see cref="ChannelRef.Platform"/>; a platform not listed waits for the reply.</summary>
    public Dictionary<string, TimeSpan> DeferAfter { get; } = new(StringComparer.OrdinalIgnoreCase);
}
