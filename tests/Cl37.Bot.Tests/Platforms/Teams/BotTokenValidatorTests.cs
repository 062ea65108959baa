using System.Security.Claims;
using System.Text;
using Cl37.Bot.Platforms.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    // RSA key generation is slow; the keys are immutable, so every test shares them.
    private static readonly RsaSecurityKey _teamsKey = LoopbackOpenIdServer.NewKey("teams-key");
    private static readonly RsaSecurityKey _webchatKey = LoopbackOpenIdServer.NewKey("webchat-only");
    private static readonly RsaSecurityKey _bareKey = LoopbackOpenIdServer.NewKey("no-endorsements");
    private LoopbackOpenIdServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackOpenIdServer.StartAsync();
        _server.Publish(_teamsKey, "msteams", "webchat");
        _server.Publish(_webchatKey, "webchat");
        _server.Publish(_bareKey);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private BotTokenValidator Validator(string? appId = AppId)
    {
        var options = Options.Create(new TeamsOptions { AppId = appId, OpenIdMetadataUrl = _server.MetadataUrl });
        var keys = new BotSigningKeys(_services.GetRequiredService<IHttpClientFactory>(), options, _time, NullLogger<BotSigningKeys>.Instance);
        return new BotTokenValidator(keys, options, _time, NullLogger<BotTokenValidator>.Instance);
    }

    private static string Token(
        SecurityKey key,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string issuer = BotTokenValidator.ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
            claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Subject = new ClaimsIdentity([new Claim("appid", "channel")]),
            IssuedAt = (notBefore ?? Now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? Now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? Now.AddMinutes(59)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string Unsigned()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = Now.AddHours(1).ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"teams-key\"}") + "." +
               B64($"{{\"iss\":\"https://api.botframework.com\",\"aud\":\"{AppId}\",\"serviceurl\":\"{ServiceUrl}\",\"exp\":{exp}}}") + ".";
    }

    private Task<BotAuthResult> Check(string? header, string channelId = "msteams", string? serviceUrl = ServiceUrl) =>
        Validator().ValidateAsync(header, channelId, serviceUrl, CancellationToken.None);

    [Fact]
    public async Task ValidateAsync_ValidChannelToken_Succeeds()
    {
        var result = await Check("Bearer " + Token(_teamsKey));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(AppId, result.BotId);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task ValidateAsync_OtherAllowedRsaAlgorithms_Succeed(string algorithm)
    {
        var result = await Check("Bearer " + Token(_teamsKey, algorithm));
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var result = await Check("Bearer " + Token(_teamsKey), serviceUrl: ServiceUrl.ToUpperInvariant());
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinFiveMinuteSkew_Succeeds()
    {
        var result = await Check("Bearer " + Token(_teamsKey, expires: Now.AddMinutes(-4)));
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task ValidateAsync_NoAppIdConfigured_AcceptsWithoutHeader()
    {
        var result = await Validator(appId: null).ValidateAsync(null, "msteams", ServiceUrl, CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Null(result.BotId);
    }

    public static TheoryData<string> ForgedKinds() =>
    [
        "wrong issuer", "wrong audience", "expired", "not yet valid", "alg none", "HS256 with the public key",
        "unknown key id", "endorsement without msteams", "key without endorsements", "serviceurl mismatch",
        "no serviceurl claim", "no header", "malformed header", "basic scheme", "not a jwt", "tampered payload",
    ];

    [Theory]
    [MemberData(nameof(ForgedKinds))]
    public async Task ValidateAsync_ForgedRequest_IsRejected(string kind)
    {
        var header = kind switch
        {
            "wrong issuer" => "Bearer " + Token(_teamsKey, issuer: "https://evil.example"),
            "wrong audience" => "Bearer " + Token(_teamsKey, audience: "00000000-0000-0000-0000-000000000000"),
            "expired" => "Bearer " + Token(_teamsKey, notBefore: Now.AddHours(-2), expires: Now.AddMinutes(-6)),
            "not yet valid" => "Bearer " + Token(_teamsKey, notBefore: Now.AddMinutes(6), expires: Now.AddHours(1)),
            "alg none" => "Bearer " + Unsigned(),
            "HS256 with the public key" => "Bearer " + Token(
                new SymmetricSecurityKey(_teamsKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = "teams-key" }, SecurityAlgorithms.HmacSha256),
            "unknown key id" => "Bearer " + Token(LoopbackOpenIdServer.NewKey("attacker-key")),
            "endorsement without msteams" => "Bearer " + Token(_webchatKey),
            "key without endorsements" => "Bearer " + Token(_bareKey),
            "serviceurl mismatch" => "Bearer " + Token(_teamsKey, serviceUrl: "https://attacker.example/"),
            "no serviceurl claim" => "Bearer " + Token(_teamsKey, serviceUrl: null),
            "no header" => null,
            "malformed header" => "Bearer" + Token(_teamsKey),
            "basic scheme" => "Basic " + Token(_teamsKey),
            "not a jwt" => "Bearer not-a-token",
            "tampered payload" => "Bearer " + Tamper(Token(_teamsKey)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var result = await Check(header);
        Assert.False(result.Succeeded, kind);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task ValidateAsync_KeyRolledOverAfterFirstFetch_RefreshesAndSucceeds()
    {
        var validator = Validator();
        Assert.True((await validator.ValidateAsync("Bearer " + Token(_teamsKey), "msteams", ServiceUrl, default)).Succeeded);
        var rolled = LoopbackOpenIdServer.NewKey("rolled");
        _server.Publish(rolled, "msteams");

        var result = await validator.ValidateAsync("Bearer " + Token(rolled), "msteams", ServiceUrl, default);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, _server.MetadataRequests);
    }

    [Fact]
    public async Task ValidateAsync_ManyUnknownKeyIds_RefreshesAtMostOncePerFiveMinutes()
    {
        var validator = Validator();
        for (var i = 0; i < 5; i++)
            Assert.False((await validator.ValidateAsync("Bearer " + Token(LoopbackOpenIdServer.NewKey("x" + i)), "msteams", ServiceUrl, default)).Succeeded);
        Assert.Equal(2, _server.MetadataRequests);

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.False((await validator.ValidateAsync("Bearer " + Token(LoopbackOpenIdServer.NewKey("y")), "msteams", ServiceUrl, default)).Succeeded);
        Assert.Equal(3, _server.MetadataRequests);
    }

    [Fact]
    public async Task ValidateAsync_ChannelIdEmpty_PassesEndorsementCheck()
    {
        var result = await Check("Bearer " + Token(_webchatKey), channelId: "");
        Assert.True(result.Succeeded, result.Error);
    }

    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(AppId, AppId.ToUpperInvariant());
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }
}
