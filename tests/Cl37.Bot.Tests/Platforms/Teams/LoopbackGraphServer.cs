using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Microsoft Graph's <c>GET /v1.0/teams/{team-id}/members</c> on 127.0.0.1, in two pages
/// (the second behind <c>@odata.nextLink</c>), for the token "graph-token" only.</summary>
public sealed class LoopbackGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackGraphServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Members per team (AAD group id): AAD object id and roles.</summary>
    public Dictionary<string, List<(string UserId, string[] Roles)>> Teams { get; } = [];

    public List<string> Requests { get; } = [];

    public bool Failing { get; set; }

    public static async Task<LoopbackGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackGraphServer(app);
        app.MapGet("/v1.0/teams/{teamId}/members", (HttpContext ctx, string teamId, int? page) =>
        {
            lock (server.Requests)
                server.Requests.Add(ctx.Request.Path + ctx.Request.QueryString);
            if (server.Failing)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            if (ctx.Request.Headers.Authorization.ToString() != "Bearer graph-token")
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            if (!server.Teams.TryGetValue(teamId, out var members))
                return Results.NotFound();
            var half = (members.Count + 1) / 2;
            var slice = page == 2 ? members.Skip(half) : members.Take(half);
            var body = new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#teams('" + teamId + "')/members",
                ["value"] = new JsonArray([.. slice.Select(m => (JsonNode)new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
                    ["id"] = "membership-" + m.UserId,
                    ["roles"] = new JsonArray([.. m.Roles.Select(r => (JsonNode)JsonValue.Create(r))]),
                    ["displayName"] = "Person " + m.UserId,
                    ["userId"] = m.UserId,
                    ["tenantId"] = "tenant-1",
                })]),
            };
            if (page != 2)
                body["@odata.nextLink"] = $"{server.BaseUrl}/v1.0/teams/{teamId}/members?page=2";
            return Results.Text(body.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
