
namespace Cl37.Bot.Platforms.Teams.Kernel;

/// <summary>The <c>Teams</c> settings section. With no <see cref="AppId"/> the adapter runs in local
/// mode: inbound requests need no token and outbound calls carry none, exactly as botbuilder does
/// when MicrosoftAppId is empty (that is how the Teams App Test Tool talks to a bot).</summary>
internal sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Turns the adapter on without an app id (local mode, for the Test Tool).</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot's Microsoft App (client) id from its Azure Bot registration.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the app registration (SingleTenant and MultiTenant).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Alias of <see cref="AppPassword"/>, the name the Azure portal uses.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Entra tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? TenantId { get; set; }

    /// <summary>SingleTenant (default), MultiTenant or UserAssignedMSI.</summary>
    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>Where the Bot Framework channel publishes its signing keys.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>No longer read: admins are listed once, in <c>Quiz:Admins</c> as <c>teams:&lt;AAD object id&gt;</c>.
    /// Bound only so that start-up refuses a configuration that still sets it.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>The route the Bot Framework posts activities to.</summary>
    public string Route { get; set; } = "/api/messages";

    /// <summary>Lets local mode (no <see cref="AppId"/>: nobody is authenticated) run when the app
    /// listens beyond loopback, e.g. for a Test Tool in another container. Replies still go to
    /// loopback serviceUrls only.</summary>
    public bool AllowLocalModeBeyondLoopback { get; set; }

    /// <summary>Minutes a team's owners (from Microsoft Graph) are cached.</summary>
    public double RosterCacheMinutes { get; set; } = 10;

    // Microsoft Graph (public cloud), where team owners are read; not a setting, tests point it at a loopback fake.
    internal string GraphBaseUrl { get; set; } = "https://graph.microsoft.com";

    internal bool LocalMode => string.IsNullOrWhiteSpace(AppId);

    internal string? Secret => string.IsNullOrWhiteSpace(AppPassword) ? ClientSecret : AppPassword;

    internal static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(AppId)}"])
        || string.Equals(configuration[$"{Section}:{nameof(Enabled)}"], "true", StringComparison.OrdinalIgnoreCase);
}
