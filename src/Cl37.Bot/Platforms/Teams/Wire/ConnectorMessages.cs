using System.Text.Json.Nodes;

namespace Cl37.Bot.Platforms.Teams.Wire;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
internal sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The body of <c>POST /v3/conversations</c> (TeamsInfo.SendMessageToTeamsChannelAsync).</summary>
internal sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}

internal sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>A member from the roster (<c>GET /v3/conversations/{id}/members/{userId}</c>).</summary>
internal sealed class TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? UserRole { get; set; }
}

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke (AdaptiveCardInvokeResponse).</summary>
internal sealed class AdaptiveCardInvokeResponse
{
    public int StatusCode { get; set; }
    public string? Type { get; set; }
    public JsonNode? Value { get; set; }
}

/// <summary><c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardAction? Action { get; set; }
    public string? Trigger { get; set; }
}

internal sealed class AdaptiveCardAction
{
    public string? Type { get; set; }
    public string? Verb { get; set; }
    public string? Title { get; set; }
    public System.Text.Json.JsonElement? Data { get; set; }
}

/// <summary>What is kept per installed conversation so the bot can post there later (proactive messages).</summary>
internal sealed record TeamsConversationReference
{
    public string? ServiceUrl { get; init; }
    public string? ConversationId { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public string? TeamId { get; init; }
    public string? ChannelId { get; init; }
}
