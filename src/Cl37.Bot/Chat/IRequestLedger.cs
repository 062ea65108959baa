namespace Cl37.Bot.Chat;

/// <summary>The ids of signed requests already handled, kept in the database: shared by every
/// replica on it and kept across restarts, so a captured request is handled at most once.</summary>
public interface IRequestLedger
{
    /// <summary>True for the first claim of <paramref name="id"/> on any replica; false when it was
    /// claimed before. The id is kept until <paramref name="expiresUtc"/>, after which the platform
    /// refuses a copy of the request as stale anyway.</summary>
    Task<bool> TryClaimAsync(long id, DateTime expiresUtc, CancellationToken cancellationToken);
}
