using System.Collections.Concurrent;
using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Whether someone owns the team. The Bot Framework roster has no owner role, so the owners
/// come from Microsoft Graph (<see cref="TeamsGraphClient"/>), cached per team so a burst of commands
/// costs one look-up. A failed look-up counts as "not an owner" (admin rights are never granted by
/// default) and is not retried for a minute. Local mode (the Test Tool) has no Graph, so no owners.</summary>
internal sealed class TeamsRoster(
    TeamsConnectorClient connector,
    TeamsGraphClient graph,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsRoster> logger)
{
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Owners, DateTimeOffset Until)> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _groupIds = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="teamId">The Bot Framework team id (<c>19:…@thread.tacv2</c>).</param>
    /// <param name="aadGroupId">The team's AAD group id when the activity carries it; looked up otherwise.</param>
    /// <param name="aadObjectId">The person's AAD object id, the id Graph lists members by.</param>
    public async Task<bool> IsOwnerAsync(string serviceUrl, string teamId, string? aadGroupId, string? tenantId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (options.Value.LocalMode || string.IsNullOrEmpty(aadObjectId) || string.IsNullOrEmpty(tenantId))
            return false;
        var now = time.GetUtcNow();
        if (_owners.TryGetValue(teamId, out var hit) && now < hit.Until)
            return hit.Owners.Contains(aadObjectId);

        IReadOnlySet<string> owners;
        var until = now + TimeSpan.FromMinutes(options.Value.RosterCacheMinutes);
        try
        {
            var groupId = await GroupIdAsync(serviceUrl, teamId, aadGroupId, cancellationToken);
            owners = groupId is null ? new HashSet<string>() : await graph.OwnersAsync(tenantId, groupId, cancellationToken) ?? new HashSet<string>();
        }
        catch (Exception ex) when (ex is HttpRequestException or TeamsConnectorException or System.Text.Json.JsonException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading the owners of team {Team} from Microsoft Graph failed: {Error}", teamId, ex.Message);
            owners = new HashSet<string>();
            until = now + RetryFailedAfter;
        }
        if (_owners.Count > 10_000)
            _owners.Clear();
        _owners[teamId] = (owners, until);
        return owners.Contains(aadObjectId);
    }

    private async Task<string?> GroupIdAsync(string serviceUrl, string teamId, string? aadGroupId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(aadGroupId))
            return _groupIds[teamId] = aadGroupId;
        if (_groupIds.TryGetValue(teamId, out var known))
            return known;
        var details = await connector.GetTeamAsync(serviceUrl, teamId, cancellationToken);
        if (details?.AadGroupId is not { Length: > 0 } groupId)
            return null;
        if (_groupIds.Count > 10_000)
            _groupIds.Clear();
        return _groupIds[teamId] = groupId;
    }
}
