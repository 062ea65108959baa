
namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>One REST call: its path, its rate-limit identity (method + template + top-level
/// resource id; DAD topics/rate-limits.mdx) and whether it counts toward the global 50/s limit.</summary>
/// <param name="Template">The path with ids replaced, safe to log (no ids, no tokens).</param>
/// <param name="MajorId">The top-level resource (channel, guild, application, webhook) the limit is per.</param>
/// <param name="Interaction">Interaction callbacks and follow-ups: exempt from the global limit and
/// each token is used a handful of times, so they get no bucket of their own.</param>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string MajorId, bool Authorized = true, bool Interaction = false)
{
    public string RouteKey => $"{Method.Method} {Template}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "gateway/bot", "");

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages", "channels/{channel}/messages", channelId);

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", "channels/{channel}/messages/{message}", channelId);

    public static DiscordRoute Callback(string interactionId, string token) =>
        new(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", "interactions/{id}/{token}/callback", interactionId, Authorized: false, Interaction: true);

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", "webhooks/{application}/{token}/messages/@original", applicationId, Authorized: false, Interaction: true);

    public static DiscordRoute Followup(string applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{applicationId}/{token}", "webhooks/{application}/{token}", applicationId, Authorized: false, Interaction: true);

    public static DiscordRoute CurrentApplication() => new(HttpMethod.Get, "applications/@me", "applications/@me", "");

    public static DiscordRoute GetCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Get, $"applications/{applicationId}/commands", "applications/{application}/commands", applicationId)
        : new(HttpMethod.Get, $"applications/{applicationId}/guilds/{guildId}/commands", "applications/{application}/guilds/{guild}/commands", guildId);

    public static DiscordRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, $"applications/{applicationId}/commands", "applications/{application}/commands", applicationId)
        : new(HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands", "applications/{application}/guilds/{guild}/commands", guildId);
}
