using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>An OpenID metadata endpoint and JWKS on 127.0.0.1, serving locally generated RSA keys
/// with Bot Framework style endorsements.</summary>
public sealed class LoopbackOpenIdServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];

    public int MetadataRequests { get; private set; }

    /// <summary>While true the metadata endpoint answers 503, as during an outage.</summary>
    public bool Failing { get; set; }

    private LoopbackOpenIdServer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";

    public static async Task<LoopbackOpenIdServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackOpenIdServer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext ctx) =>
        {
            server.MetadataRequests++;
            if (server.Failing)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var baseUrl = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
            return Results.Text(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = baseUrl + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(server.JwksJson(), "application/json"));
        await app.StartAsync();
        server.MetadataUrl = app.Urls.First() + "/v1/.well-known/openidconfiguration";
        return server;
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public void Publish(RsaSecurityKey key, params string[] endorsements) => _published.Add((key, endorsements));

    public void Unpublish(RsaSecurityKey key) => _published.RemoveAll(p => p.Key.KeyId == key.KeyId);

    private string JwksJson()
    {
        var keys = new JsonArray();
        foreach (var (key, endorsements) in _published)
        {
            var p = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (endorsements.Length > 0)
                jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
            keys.Add(jwk);
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
