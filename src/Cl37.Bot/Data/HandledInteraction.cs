namespace Cl37.Bot.Data;

/// <summary>A signed request already handled by some replica, kept while a copy of it could still
/// be accepted, so it is handled at most once across replicas and restarts.</summary>
public sealed class HandledInteraction
{
    /// <summary>The platform's id of the request (a Discord interaction snowflake, stored as its 64 bits).</summary>
    public long Id { get; set; }

    /// <summary>When a copy of the request would be refused as stale anyway; the row may go after that.</summary>
    public DateTime ExpiresUtc { get; set; }
}
