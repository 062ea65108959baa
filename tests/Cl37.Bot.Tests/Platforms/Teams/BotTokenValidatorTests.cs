using System.Security.Claims;
using System.Text;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
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

    private BotTokenValidator Validator(string? appId = AppId) => Create(appId).Validator;

    private (BotTokenValidator Validator, BotSigningKeys Keys) Create(string? appId = AppId)
    {
        var options = Options.Create(new TeamsOptions { AppId = appId, OpenIdMetadataUrl = _server.MetadataUrl });
        var keys = new BotSigningKeys(_services.GetRequiredService<IHttpClientFactory>(), options, _time, NullLogger<BotSigningKeys>.Instance);
        return (new BotTokenValidator(keys, options, _time, NullLogger<BotTokenValidator>.Instance), keys);
    }

    /// <summary>A validator whose current key snapshot counts signature checks: the handler asks
    /// a key's own CryptoProviderFactory for a verifier each time it checks a signature with it.</summary>
    private async Task<(BotTokenValidator Validator, BotSigningKeys Keys, CountingCryptoProviderFactory Verifications)> CountingValidator()
    {
        var (validator, keys) = Create();
        var counter = await CountOn(keys);
        return (validator, keys, counter);
    }

    private static async Task<CountingCryptoProviderFactory> CountOn(BotSigningKeys keys)
    {
        var counter = new CountingCryptoProviderFactory();
        foreach (var key in (await keys.GetAsync(default))!.Keys)
            key.CryptoProviderFactory = counter;
        return counter;
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

    [Fact]
    public async Task ValidateAsync_SameTokenAgain_AcceptedWithoutCheckingTheSignatureAgain()
    {
        var (validator, _, verifications) = await CountingValidator();
        var header = "Bearer " + Token(_teamsKey);

        var first = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);
        var second = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(first, second);
        Assert.Equal(1, verifications.Verifiers);
    }

    [Fact]
    public async Task ValidateAsync_CachedTokenExpired_IsRejectedAsWithoutTheCache()
    {
        var (validator, _, verifications) = await CountingValidator();
        var header = "Bearer " + Token(_teamsKey, expires: Now.AddMinutes(10));
        Assert.True((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);

        _time.Advance(TimeSpan.FromMinutes(14));
        var withinSkew = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);
        _time.Advance(TimeSpan.FromMinutes(2));
        var expired = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.True(withinSkew.Succeeded, withinSkew.Error);
        Assert.False(expired.Succeeded);
        Assert.Equal((await Check(header)).Error, expired.Error);
        Assert.Equal(2, verifications.Verifiers); // the hit within the skew, then a full check that rejects
    }

    [Fact]
    public async Task ValidateAsync_CachedTokenForAnotherServiceUrl_IsRejected()
    {
        var (validator, _, verifications) = await CountingValidator();
        var header = "Bearer " + Token(_teamsKey);
        Assert.True((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);

        var elsewhere = await validator.ValidateAsync(header, "msteams", "https://attacker.example/", default);
        var again = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.False(elsewhere.Succeeded);
        Assert.Equal("serviceurl claim mismatch.", elsewhere.Error);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(1, verifications.Verifiers);
    }

    [Fact]
    public async Task ValidateAsync_CachedTokenForChannelItsKeyIsNotEndorsedFor_IsRejected()
    {
        var (validator, _, verifications) = await CountingValidator();
        var header = "Bearer " + Token(_teamsKey);
        Assert.True((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);

        var result = await validator.ValidateAsync(header, "directline", ServiceUrl, default);

        Assert.False(result.Succeeded);
        Assert.Equal("The signing key is not endorsed for channel 'directline'.", result.Error);
        Assert.Equal(1, verifications.Verifiers);
    }

    [Fact]
    public async Task ValidateAsync_CachedTokenAfterItsKeyRolledOut_IsValidatedAgainAndRejected()
    {
        var (validator, _) = Create();
        var header = "Bearer " + Token(_teamsKey);
        Assert.True((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);
        var rolled = LoopbackOpenIdServer.NewKey("rolled");
        _server.Unpublish(_teamsKey);
        _server.Publish(rolled, "msteams");
        // A token signed with the new key makes the validator reload the keys.
        Assert.True((await validator.ValidateAsync("Bearer " + Token(rolled), "msteams", ServiceUrl, default)).Succeeded);

        var result = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.False(result.Succeeded);
        Assert.Equal($"Token validation failed: {nameof(SecurityTokenSignatureKeyNotFoundException)}.", result.Error);
        Assert.Equal(2, _server.MetadataRequests);
    }

    [Fact]
    public async Task ValidateAsync_CachedTokenAfterKeysReloaded_IsValidatedAgainAgainstTheNewKeys()
    {
        var (validator, keys) = Create();
        var header = "Bearer " + Token(_teamsKey);
        Assert.True((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);
        var rolled = LoopbackOpenIdServer.NewKey("rolled");
        _server.Publish(rolled, "msteams");
        Assert.True((await validator.ValidateAsync("Bearer " + Token(rolled), "msteams", ServiceUrl, default)).Succeeded);
        var verifications = await CountOn(keys);

        var result = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, verifications.Verifiers);
    }

    public static TheoryData<string> FailingKinds() => ["wrong audience", "wrong issuer", "signed by another key with the same kid", "not yet valid", "endorsement without msteams"];

    [Theory]
    [MemberData(nameof(FailingKinds))]
    public async Task ValidateAsync_RejectedTokenSentAgain_IsRejectedAgainAfterAFullCheck(string kind)
    {
        var header = "Bearer " + kind switch
        {
            "wrong audience" => Token(_teamsKey, audience: "00000000-0000-0000-0000-000000000000"),
            "wrong issuer" => Token(_teamsKey, issuer: "https://evil.example"),
            "signed by another key with the same kid" => Token(LoopbackOpenIdServer.NewKey(_teamsKey.KeyId!)),
            "not yet valid" => Token(_teamsKey, notBefore: Now.AddMinutes(6), expires: Now.AddHours(1)),
            "endorsement without msteams" => Token(_webchatKey),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var (validator, _, verifications) = await CountingValidator();

        var first = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);
        var afterFirst = verifications.Verifiers;
        var second = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.False(first.Succeeded, kind);
        Assert.Equal(first, second);
        Assert.Equal(2 * afterFirst, verifications.Verifiers);
    }

    [Fact]
    public async Task ValidateAsync_TokenRejectedForAnUnknownKey_IsAcceptedOnceTheKeyIsPublished()
    {
        var validator = Validator();
        var early = LoopbackOpenIdServer.NewKey("early");
        var header = "Bearer " + Token(early);
        Assert.False((await validator.ValidateAsync(header, "msteams", ServiceUrl, default)).Succeeded);

        _server.Publish(early, "msteams");
        _time.Advance(TimeSpan.FromMinutes(6));
        var result = await validator.ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task ValidateAsync_MoreLiveTokensThanTheCacheHolds_StaysBounded()
    {
        var (validator, _, verifications) = await CountingValidator();
        var first = "Bearer " + Token(_teamsKey);
        Assert.True((await validator.ValidateAsync(first, "msteams", ServiceUrl, default)).Succeeded);
        for (var i = 0; i < BotTokenValidator.CacheCapacity; i++)
        {
            var other = "Bearer " + Token(_teamsKey, notBefore: Now.AddMinutes(-2).AddSeconds(-i));
            Assert.True((await validator.ValidateAsync(other, "msteams", ServiceUrl, default)).Succeeded);
        }
        var before = verifications.Verifiers;

        Assert.True((await validator.ValidateAsync(first, "msteams", ServiceUrl, default)).Succeeded);

        Assert.Equal(before + 1, verifications.Verifiers);
    }

    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(AppId, AppId.ToUpperInvariant());
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }

    private sealed class CountingCryptoProviderFactory : CryptoProviderFactory
    {
        private int _verifiers;

        public int Verifiers => Volatile.Read(ref _verifiers);

        // The two-argument overload forwards here, so each signature check counts once.
        public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm, bool cacheProvider)
        {
            Interlocked.Increment(ref _verifiers);
            return base.CreateForVerifying(key, algorithm, cacheProvider);
        }
    }
}
