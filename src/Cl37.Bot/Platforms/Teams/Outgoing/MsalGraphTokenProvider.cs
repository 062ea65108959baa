using System.Collections.Concurrent;
using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>App-only Microsoft Graph tokens from MSAL, issued by the tenant the team lives in
/// (resource-specific consent is granted there, so a botframework.com token would not do).
/// MSAL caches each token per tenant and renews it; one app instance is reused.</summary>
internal sealed class MsalGraphTokenProvider(IOptions<TeamsOptions> options, ILogger<MsalGraphTokenProvider> logger) : IGraphTokenProvider
{
    private const string Scope = "https://graph.microsoft.com/.default";
    private const string Resource = "https://graph.microsoft.com";
    private readonly Lazy<Func<string, CancellationToken, Task<string>>> _acquire = new(() => Build(options.Value));
    private readonly ConcurrentDictionary<string, byte> _failedTenants = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string?> GetTokenAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (options.Value.LocalMode)
            return null;
        try
        {
            var token = await _acquire.Value(tenantId, cancellationToken);
            _failedTenants.TryRemove(tenantId, out _);
            return token;
        }
        catch (MsalException ex)
        {
            // The exception text can echo request details but never the secret; log the code only, once per tenant.
            if (_failedTenants.TryAdd(tenantId, 0))
                logger.LogWarning("Could not get a Microsoft Graph token in tenant {Tenant}: {Code}", tenantId, ex.ErrorCode);
            throw new HttpRequestException($"Graph token request failed: {ex.ErrorCode}");
        }
    }

    private static Func<string, CancellationToken, Task<string>> Build(TeamsOptions o)
    {
        switch (o.AppType)
        {
            case TeamsAppType.UserAssignedMSI:
                var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(o.AppId!)).Build();
                return async (_, ct) => (await msi.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct)).AccessToken;
            default:
                var app = ConfidentialClientApplicationBuilder.Create(o.AppId)
                    .WithClientSecret(o.Secret)
                    .WithAuthority($"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(o.TenantId) ? "organizations" : o.TenantId)}")
                    .Build();
                return async (tenant, ct) => (await app.AcquireTokenForClient([Scope]).WithTenantId(tenant).ExecuteAsync(ct)).AccessToken;
        }
    }
}
