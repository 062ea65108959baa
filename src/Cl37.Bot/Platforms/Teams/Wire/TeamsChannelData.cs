using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Teams.Wire;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and the conversationUpdate event type.</summary>
internal sealed class TeamsChannelData
{
    public IdName? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public IdName? Channel { get; set; }
    public string? EventType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class IdName
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

internal sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}
