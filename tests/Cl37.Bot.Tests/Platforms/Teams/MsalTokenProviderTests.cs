using System.Net;
using System.Text;
using System.Web;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>The one MSAL provider against a fake Microsoft identity platform: the token endpoint
/// (<c>/{tenant}/oauth2/v2.0/token</c>, client credentials) and instance discovery.</summary>
public sealed class MsalTokenProviderTests
{
    private const string AppId = "7d8c1f52-0c6e-4a55-9b8e-2f1d3c4b5a60";
    private readonly FakeIdentityPlatform _login = new();

    [Fact]
    public async Task GetTokenAsync_BotConnectorAndGraph_EachScopeGetsItsOwnToken()
    {
        var bot = Provider(MsalTokenTarget.BotConnector);
        var graph = Provider(MsalTokenTarget.Graph);

        var botToken = await bot.GetTokenAsync(default);
        var graphToken = await graph.GetTokenAsync("customer-tenant", default);

        Assert.Equal("https://api.botframework.com/.default@home-tenant", botToken);
        Assert.Equal("https://graph.microsoft.com/.default@customer-tenant", graphToken);
        Assert.Equal(["/home-tenant/oauth2/v2.0/token", "/customer-tenant/oauth2/v2.0/token"], _login.TokenRequests.Select(r => r.Path));
    }

    [Fact]
    public async Task GetTokenAsync_GraphInTwoTenants_OneTokenPerTenantThenFromTheCache()
    {
        var graph = Provider(MsalTokenTarget.Graph);

        var first = await graph.GetTokenAsync("tenant-a", default);
        var again = await graph.GetTokenAsync("tenant-a", default);
        var other = await graph.GetTokenAsync("tenant-b", default);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, _login.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_MultiTenantBot_AsksTheBotframeworkTenant()
    {
        var bot = Provider(MsalTokenTarget.BotConnector, TeamsAppType.MultiTenant);

        var token = await bot.GetTokenAsync(default);

        Assert.Equal("https://api.botframework.com/.default@botframework.com", token);
    }

    [Fact]
    public async Task GetTokenAsync_SecretRefused_ThrowsHttpRequestExceptionAndReportsTheCode()
    {
        _login.Refuse = true;
        var bot = Provider(MsalTokenTarget.BotConnector);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => bot.GetTokenAsync(default));

        Assert.Equal("Bot Framework token request failed: invalid_client", error.Message);
        Assert.Equal(error.Message, bot.LastError);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_LocalMode_AsksNobody()
    {
        var provider = new MsalTokenProvider(MsalTokenTarget.BotConnector, Options.Create(new TeamsOptions { Enabled = true }),
            new StubHttpClientFactory(_login), NullLogger<MsalTokenProvider>.Instance);

        Assert.Null(await provider.GetTokenAsync(default));
        Assert.Empty(_login.Requests);
    }

    private MsalTokenProvider Provider(MsalTokenTarget target, TeamsAppType type = TeamsAppType.SingleTenant) =>
        new(target, Options.Create(new TeamsOptions { AppId = AppId, AppPassword = "s3cret", TenantId = "home-tenant", AppType = type }),
            new StubHttpClientFactory(_login), NullLogger<MsalTokenProvider>.Instance);

    /// <summary>Issues "scope@tenant" as the access token, so a test sees which scope and which
    /// tenant's authority each token came from.</summary>
    private sealed class FakeIdentityPlatform : HttpMessageHandler
    {
        public List<(string Path, string Scope)> TokenRequests { get; } = [];
        public List<string> Requests { get; } = [];
        public bool Refuse { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            lock (Requests)
                Requests.Add(request.Method + " " + request.RequestUri);
            if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
                return Json(HttpStatusCode.OK, """
                    {"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1",
                     "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                                  "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
                    """);
            if (request.Method != HttpMethod.Post || !path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
                return Json(HttpStatusCode.NotFound, """{"error":"not_found"}""");
            var form = HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
            var scope = form["scope"] ?? "";
            lock (TokenRequests)
                TokenRequests.Add((path, scope));
            if (Refuse)
                return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""");
            var tenant = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            // MSAL adds offline_access and profile to some flows; the resource scope is the one that counts.
            var resource = scope.Split(' ').First(s => s.EndsWith("/.default", StringComparison.Ordinal));
            return Json(HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{resource}}@{{tenant}}"}""");
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
