using System.Net;
using System.Net.Http.Headers;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The one Microsoft Graph call the bot makes: a team's owners, from
/// <c>GET /v1.0/teams/{team-id}/members</c> ("roles" contains "owner"), allowed by the app's
/// resource-specific permission TeamMember.Read.Group. A typed HttpClient call rather than the
/// Microsoft.Graph SDK: that package and its Kiota runtime are several MB of generated models for
/// one GET, and would add a second HTTP stack beside the connector's.</summary>
internal sealed class TeamsGraphClient(IHttpClientFactory httpClientFactory, IGraphTokenProvider tokens, IOptions<TeamsOptions> options)
{
    public const string HttpClientName = "teams-graph";
    private const int MaxPages = 20;

    /// <summary>The AAD object ids of the team's owners; null in local mode (no Graph token).</summary>
    public async Task<IReadOnlySet<string>?> OwnersAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(tenantId, cancellationToken);
        if (token is null)
            return null;
        var root = new Uri(options.Value.GraphBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        var url = new Uri(root, $"v1.0/teams/{Uri.EscapeDataString(groupId)}/members");
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var http = httpClientFactory.CreateClient(HttpClientName);
        for (var page = 0; page < MaxPages; page++)
        {
            // The token goes to the configured Graph host only, over TLS (loopback excepted for tests).
            if ((url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback) || !string.Equals(url.Authority, root.Authority, StringComparison.OrdinalIgnoreCase))
                throw new HttpRequestException($"Refusing to send a Graph token to {url.GetLeftPart(UriPartial.Authority)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"Graph answered {(int)response.StatusCode} for the members of team {groupId}", null, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.GraphMembersPage, cancellationToken)
                ?? throw new HttpRequestException("Graph answered an empty members page", null, HttpStatusCode.OK);
            foreach (var member in body.Value ?? [])
            {
                if (member.UserId is { Length: > 0 } userId && member.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true)
                    owners.Add(userId);
            }
            if (body.NextLink is not { Length: > 0 } next || !Uri.TryCreate(next, UriKind.Absolute, out var nextUrl))
                return owners;
            url = nextUrl;
        }
        return owners;
    }
}
