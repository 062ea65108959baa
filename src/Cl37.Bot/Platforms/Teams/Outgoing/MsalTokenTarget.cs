using Cl37.Bot.Platforms.Teams.Kernel;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>A resource the bot gets app-only tokens for, and the tenant whose authority issues them
/// unless a request names another.</summary>
internal sealed record MsalTokenTarget(string Name, string Resource, Func<TeamsOptions, string> AuthorityTenant)
{
    /// <summary>The <c>.default</c> scope: every permission the app was granted on the resource.</summary>
    public string Scope => Resource + "/.default";

    /// <summary>The Bot Connector. MultiTenant bots get tokens from the botframework.com tenant
    /// (botbuilder's AppCredentials.OAuthEndpoint), the others from their own.</summary>
    public static MsalTokenTarget BotConnector { get; } = new("Bot Framework", "https://api.botframework.com",
        o => o.AppType == TeamsAppType.MultiTenant ? "botframework.com" : o.TenantId!);

    /// <summary>Microsoft Graph. Each request names the tenant the team lives in: resource-specific
    /// consent is granted there, so a botframework.com token would not do.</summary>
    public static MsalTokenTarget Graph { get; } = new("Microsoft Graph", "https://graph.microsoft.com",
        o => string.IsNullOrWhiteSpace(o.TenantId) ? "organizations" : o.TenantId);
}
