using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Client-credential tokens for https://api.botframework.com (botbuilder's MsalAppCredentials
/// and ManagedIdentityAppCredentials). MSAL caches and renews them; one app instance is reused.</summary>
internal sealed class MsalBotTokenProvider(IOptions<TeamsOptions> options, ILogger<MsalBotTokenProvider> logger) : IBotTokenProvider
{
    private const string Scope = "https://api.botframework.com/.default";
    private const string Resource = "https://api.botframework.com";
    private readonly Lazy<Func<CancellationToken, Task<string>>> _acquire = new(() => Build(options.Value));

    /// <summary>The last acquisition failure, for the health check; null once a token was obtained.</summary>
    public string? LastError { get; private set; }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (options.Value.LocalMode)
            return null;
        try
        {
            var token = await _acquire.Value(cancellationToken);
            LastError = null;
            return token;
        }
        catch (MsalException ex)
        {
            // The exception text can echo request details but never the secret; log the code only.
            LastError = $"token request failed: {ex.ErrorCode}";
            logger.LogError("Could not get a Bot Framework token for app {AppId}: {Code}", options.Value.AppId, ex.ErrorCode);
            throw;
        }
    }

    private static Func<CancellationToken, Task<string>> Build(TeamsOptions o)
    {
        switch (o.AppType)
        {
            case TeamsAppType.UserAssignedMSI:
                var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(o.AppId!)).Build();
                return async ct => (await msi.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct)).AccessToken;
            default:
                // MultiTenant bots get tokens from the botframework.com tenant (AppCredentials.OAuthEndpoint).
                var tenant = o.AppType == TeamsAppType.MultiTenant ? "botframework.com" : o.TenantId!;
                var app = ConfidentialClientApplicationBuilder.Create(o.AppId)
                    .WithClientSecret(o.Secret)
                    .WithAuthority($"https://login.microsoftonline.com/{tenant}")
                    .Build();
                return async ct => (await app.AcquireTokenForClient([Scope]).ExecuteAsync(ct)).AccessToken;
        }
    }
}
