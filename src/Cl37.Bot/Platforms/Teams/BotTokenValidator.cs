using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Checks the Bot Framework channel's JWT exactly as botbuilder does
/// (JwtTokenValidation → ChannelValidation → JwtTokenExtractor, EndorsementsValidator).</summary>
internal sealed class BotTokenValidator(BotSigningKeys keys, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenValidator> logger)
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<BotAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var appId = options.Value.AppId;
        if (string.IsNullOrWhiteSpace(appId))
            return BotAuthResult.Anonymous; // botbuilder: authentication is disabled only when no app id is configured

        var result = await CheckAsync(appId, authorizationHeader, channelId, serviceUrl, cancellationToken);
        if (!result.Succeeded)
            logger.LogWarning("Rejected a Bot Framework request: {Reason}", result.Error);
        return result;
    }

    private async Task<BotAuthResult> CheckAsync(string appId, string? header, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(header))
            return BotAuthResult.Fail("No Authorization header.");
        var parts = header.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
            return BotAuthResult.Fail("The Authorization header is not 'Bearer <token>'.");
        var token = parts[1];
        if (!_handler.CanReadToken(token))
            return BotAuthResult.Fail("The token is not a JWT.");

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return BotAuthResult.Fail("The token cannot be read.");
        }
        if (!AllowedAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
            return BotAuthResult.Fail($"Token algorithm '{unverified.Alg}' is not allowed.");

        var snapshot = await keys.GetAsync(cancellationToken);
        var validation = await ValidateSignatureAsync(token, appId, snapshot, cancellationToken);
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // botbuilder: on an unknown key id, refresh the metadata and try once more (key rollover).
            snapshot = await keys.RefreshForUnknownKeyAsync(cancellationToken);
            validation = await ValidateSignatureAsync(token, appId, snapshot, cancellationToken);
        }
        if (!validation.IsValid)
            return BotAuthResult.Fail($"Token validation failed: {validation.Exception?.GetType().Name ?? "invalid"}.");

        var jwt = (JsonWebToken)validation.SecurityToken;
        var kid = jwt.Kid;
        if (string.IsNullOrEmpty(kid) || !snapshot.Endorsements.TryGetValue(kid, out var endorsements) || endorsements.Count == 0)
            return BotAuthResult.Fail("Could not validate endorsement key.");
        if (!string.IsNullOrEmpty(channelId) && !endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
            return BotAuthResult.Fail($"The signing key is not endorsed for channel '{channelId}'.");

        if (serviceUrl is not null)
        {
            var claim = jwt.TryGetClaim("serviceurl", out var c) ? c.Value : null;
            if (claim is null || !string.Equals(claim, serviceUrl, StringComparison.OrdinalIgnoreCase))
                return BotAuthResult.Fail("serviceurl claim mismatch.");
        }
        return new BotAuthResult(true, null, appId);
    }

    // botbuilder's ClockSkew of 5 minutes, measured on the injected clock.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = TimeSpan.FromMinutes(5);
        if (expires is null || now > expires.Value.ToUniversalTime() + skew)
            return false;
        return notBefore is null || now >= notBefore.Value.ToUniversalTime() - skew;
    }

    private Task<TokenValidationResult> ValidateSignatureAsync(string token, string appId, BotSigningKeys.Snapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [ChannelIssuer],
            ValidateIssuer = true,
            ValidAudience = appId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = IsWithinLifetime,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = snapshot.Keys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
        };
        return _handler.ValidateTokenAsync(token, parameters);
    }
}
