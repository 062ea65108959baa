using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Discord.Wire;

// Gateway payloads (DAD events/gateway-events.mdx "Payload Structure", "Hello", "Identify", "Resume", "Ready").

internal sealed class GatewayPayload
{
    public GatewayOpcode Op { get; init; }
    public JsonElement? D { get; init; }
    public long? S { get; init; }
    public string? T { get; init; }
}

/// <summary>A client→server payload; <c>d</c> is always written, null included (a first heartbeat sends <c>d: null</c>).</summary>
internal sealed class GatewaySend<T>
{
    public GatewayOpcode Op { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public T? D { get; init; }
}

internal sealed class HelloData
{
    public int HeartbeatInterval { get; init; }
}

internal sealed class IdentifyData
{
    public required string Token { get; init; }
    public int Intents { get; init; }
    public required IdentifyProperties Properties { get; init; }
    public int[]? Shard { get; init; }
}

internal sealed class IdentifyProperties
{
    public string Os { get; init; } = "linux";
    public string Browser { get; init; } = "cl37bot";
    public string Device { get; init; } = "cl37bot";
}

internal sealed class ResumeData
{
    public required string Token { get; init; }
    public required string SessionId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Seq { get; init; }
}

internal sealed class ReadyData
{
    public int V { get; init; }
    public DiscordUser? User { get; init; }
    public List<UnavailableGuild>? Guilds { get; init; }
    public string SessionId { get; init; } = "";
    public string ResumeGatewayUrl { get; init; } = "";
    public int[]? Shard { get; init; }
    public PartialApplication? Application { get; init; }
}

internal sealed class UnavailableGuild
{
    public string Id { get; init; } = "";
    public bool? Unavailable { get; init; }
}

internal sealed class PartialApplication
{
    public string Id { get; init; } = "";
    public long? Flags { get; init; }
}

internal sealed class GatewayBotResponse
{
    public string Url { get; init; } = "";
    public int Shards { get; init; }
    public SessionStartLimit? SessionStartLimit { get; init; }
}

internal sealed class SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }
    public long ResetAfter { get; init; }
    public int MaxConcurrency { get; init; } = 1;
}
