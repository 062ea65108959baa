using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Whether someone owns the team, from the roster, cached so a burst of commands costs one
/// look-up. A failed look-up counts as "not an owner": admin rights are never granted by default.</summary>
internal sealed class TeamsRoster(TeamsConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsRoster> logger)
{
    private readonly ConcurrentDictionary<(string Team, string User), (bool Owner, DateTimeOffset At)> _cache = new();

    public async Task<bool> IsOwnerAsync(string serviceUrl, string teamId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var maxAge = TimeSpan.FromMinutes(options.Value.RosterCacheMinutes);
        if (_cache.TryGetValue((teamId, userId), out var hit) && now - hit.At < maxAge)
            return hit.Owner;
        bool owner;
        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, teamId, userId, cancellationToken);
            owner = string.Equals(member?.UserRole, "owner", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
        {
            logger.LogWarning("Roster look-up for team {Team} failed: {Error}", teamId, ex.Message);
            return false;
        }
        if (_cache.Count > 10_000)
            _cache.Clear();
        _cache[(teamId, userId)] = (owner, now);
        return owner;
    }
}
