using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Benchmarks;

/// <summary>The Bot Framework channel's half of inbound authentication on 127.0.0.1: OpenID
/// metadata and a JWKS publishing one RSA key endorsed for msteams, and tokens signed with it.</summary>
internal sealed class BenchOpenIdServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "bench-channel-key" };
    private int _metadataRequests;

    private BenchOpenIdServer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<BenchOpenIdServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BenchOpenIdServer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref server._metadataRequests);
            return Results.Text(new JsonObject
            {
                ["issuer"] = ChannelIssuer,
                ["jwks_uri"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(server.JwksJson(), "application/json"));
        await app.StartAsync();
        server.MetadataUrl = app.Urls.First() + "/v1/.well-known/openidconfiguration";
        return server;
    }

    /// <summary>A token as the channel issues it to a bot: RS256, issuer api.botframework.com,
    /// audience the bot's app id, the serviceurl the activities name.</summary>
    public string SignToken(string appId, string serviceUrl, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = appId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["version"] = "1.0" },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private string JwksJson()
    {
        var p = _key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = _key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
