using System.Collections.Concurrent;
using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>App-only tokens for one <see cref="MsalTokenTarget"/>, from client credentials or a
/// user-assigned managed identity (botbuilder's MsalAppCredentials and
/// ManagedIdentityAppCredentials). MSAL caches and renews each token, per tenant; one MSAL app
/// instance is reused. A failed request surfaces as an <see cref="HttpRequestException"/>, like a
/// failed call to the resource itself.</summary>
internal sealed class MsalTokenProvider(MsalTokenTarget target, IOptions<TeamsOptions> options, IHttpClientFactory http, ILogger<MsalTokenProvider> logger)
    : IBotTokenProvider, IGraphTokenProvider
{
    public const string HttpClientName = "teams-msal";
    private readonly Lazy<Func<string?, CancellationToken, Task<string>>> _acquire = new(() => Build(target, options.Value, new MsalHttpClients(http)));
    private readonly ConcurrentDictionary<string, byte> _failing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last acquisition failure, for the health check; null once a token was obtained.</summary>
    public string? LastError { get; private set; }

    /// <summary>A token from the target's own authority.</summary>
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => GetTokenAsync(null, cancellationToken);

    /// <summary>A token issued by <paramref name="tenantId"/>, or by the target's own authority when null.</summary>
    public async Task<string?> GetTokenAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (options.Value.LocalMode)
            return null;
        try
        {
            var token = await _acquire.Value(tenantId, cancellationToken);
            _failing.TryRemove(tenantId ?? "", out _);
            LastError = null;
            return token;
        }
        catch (MsalException ex)
        {
            // The exception text can echo request details but never the secret; log the code only,
            // once per tenant until a token comes again.
            LastError = $"{target.Name} token request failed: {ex.ErrorCode}";
            if (_failing.TryAdd(tenantId ?? "", 0))
                logger.LogError("Could not get a {Resource} token for app {AppId} in tenant {Tenant}: {Code}", target.Name, options.Value.AppId, tenantId ?? target.AuthorityTenant(options.Value), ex.ErrorCode);
            throw new HttpRequestException(LastError);
        }
    }

    private static Func<string?, CancellationToken, Task<string>> Build(MsalTokenTarget target, TeamsOptions o, IMsalHttpClientFactory http)
    {
        if (o.AppType == TeamsAppType.UserAssignedMSI)
        {
            var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(o.AppId!)).WithHttpClientFactory(http).Build();
            return async (_, ct) => (await msi.AcquireTokenForManagedIdentity(target.Resource).ExecuteAsync(ct)).AccessToken;
        }
        var app = ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithClientSecret(o.Secret)
            .WithAuthority($"https://login.microsoftonline.com/{target.AuthorityTenant(o)}")
            .WithHttpClientFactory(http)
            .Build();
        return async (tenant, ct) =>
        {
            var request = app.AcquireTokenForClient([target.Scope]);
            return (await (tenant is null ? request : request.WithTenantId(tenant)).ExecuteAsync(ct)).AccessToken;
        };
    }

    // MSAL's requests go through the app's HttpClient factory, so its timeout applies and a test
    // can answer them on loopback.
    private sealed class MsalHttpClients(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(HttpClientName);
    }
}
