using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Teams.Wire;

/// <summary>One page of Graph's <c>GET /teams/{team-id}/members</c> (conversationMember collection).</summary>
internal sealed class GraphMembersPage
{
    public List<GraphMember>? Value { get; set; }

    [JsonPropertyName("@odata.nextLink")]
    public string? NextLink { get; set; }
}

/// <summary>An aadUserConversationMember: <c>userId</c> is the AAD object id, <c>roles</c> holds
/// "owner" for team owners (and "guest" for guests; members have none).</summary>
internal sealed class GraphMember
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? DisplayName { get; set; }
    public List<string>? Roles { get; set; }
}

/// <summary>The connector's <c>GET /v3/teams/{teamId}</c> (TeamsInfo.GetTeamDetailsAsync).</summary>
internal sealed class TeamDetails
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}
