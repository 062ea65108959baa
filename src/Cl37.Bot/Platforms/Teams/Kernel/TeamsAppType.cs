
namespace Cl37.Bot.Platforms.Teams.Kernel;

/// <summary>How the bot proves its identity to the Bot Connector (botbuilder's <c>MicrosoftAppType</c>).</summary>
internal enum TeamsAppType
{
    /// <summary>App id, client secret and tenant; the default, since new multi-tenant bots can no longer be created.</summary>
    SingleTenant,

    /// <summary>App id and client secret; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>A user-assigned managed identity whose client id is the app id; no secret.</summary>
    UserAssignedMSI,
}
