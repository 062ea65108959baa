using System.Collections.Concurrent;
using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Checks the Bot Framework channel's JWT exactly as botbuilder does
/// (JwtTokenValidation → ChannelValidation → JwtTokenExtractor, EndorsementsValidator).
/// The channel sends the same token for about an hour, so a token that passed is remembered
/// against the key snapshot it was checked with: until that snapshot is replaced, a repeat skips
/// the signature, issuer and audience checks; lifetime, endorsement and serviceurl are checked on
/// every request.</summary>
internal sealed class BotTokenValidator(BotSigningKeys keys, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenValidator> logger)
{
    public const string ChannelIssuer = "https://api.botframework.com";
    internal const int CacheCapacity = 1000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    /// <summary>What the per-request checks need from a token that passed full validation.</summary>
    private sealed record ValidatedToken(string AppId, string Kid, string? ServiceUrl, DateTime? NotBefore, DateTime? Expires, BotSigningKeys.Snapshot Snapshot);

    public async Task<BotAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var appId = options.Value.AppId;
        if (string.IsNullOrWhiteSpace(appId))
            return BotAuthResult.Anonymous; // botbuilder: authentication is disabled only when no app id is configured

        var result = await CheckAsync(appId, authorizationHeader, channelId, serviceUrl, cancellationToken);
        // An outage is logged once by BotSigningKeys, not once per request it turns away.
        if (!result.Succeeded && result.RetryAfter is null)
            logger.LogWarning("Rejected a Bot Framework request: {Reason}", result.Error);
        else if (!result.Succeeded)
            logger.LogDebug("Turned away a Bot Framework request: {Reason}", result.Error);
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

        if (_validated.TryGetValue(token, out var cached))
        {
            var current = await keys.GetAsync(cancellationToken);
            if (ReferenceEquals(current, cached.Snapshot) && cached.AppId == appId && IsWithinLifetime(cached.NotBefore, cached.Expires))
                return CheckRequest(appId, cached.Kid, cached.ServiceUrl, current, channelId, serviceUrl);
            // Expired, or the keys were reloaded (a rollover may have dropped this kid): full
            // validation decides, with exactly the answer it gives without a cache.
            _validated.TryRemove(KeyValuePair.Create(token, cached));
        }

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
        if (snapshot is null)
            return Unavailable();
        var validation = await ValidateSignatureAsync(token, appId, snapshot, cancellationToken);
        if (validation.Result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // botbuilder: on an unknown key id, refresh the metadata and try once more (key rollover).
            snapshot = await keys.RefreshForUnknownKeyAsync(cancellationToken);
            if (snapshot is null)
                return Unavailable();
            validation = await ValidateSignatureAsync(token, appId, snapshot, cancellationToken);
            // The key may well be a new one we cannot fetch: the channel should try again later.
            if (validation.Result.Exception is SecurityTokenSignatureKeyNotFoundException && keys.Unreachable)
                return Unavailable();
        }
        if (!validation.Result.IsValid)
            return BotAuthResult.Fail($"Token validation failed: {validation.Result.Exception?.GetType().Name ?? "invalid"}.");

        var jwt = (JsonWebToken)validation.Result.SecurityToken;
        var claim = jwt.TryGetClaim("serviceurl", out var c) ? c.Value : null;
        var result = CheckRequest(appId, jwt.Kid, claim, snapshot, channelId, serviceUrl);
        if (result.Succeeded)
            Remember(token, new ValidatedToken(appId, jwt.Kid, claim, validation.NotBefore, validation.Expires, snapshot));
        return result;
    }

    private BotAuthResult Unavailable() =>
        BotAuthResult.Unavailable("The Bot Framework signing keys cannot be fetched.", keys.RetryAfter);

    private static BotAuthResult CheckRequest(string appId, string? kid, string? serviceUrlClaim, BotSigningKeys.Snapshot snapshot, string? channelId, string? serviceUrl)
    {
        if (string.IsNullOrEmpty(kid) || !snapshot.Endorsements.TryGetValue(kid, out var endorsements) || endorsements.Count == 0)
            return BotAuthResult.Fail("Could not validate endorsement key.");
        if (!string.IsNullOrEmpty(channelId) && !endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
            return BotAuthResult.Fail($"The signing key is not endorsed for channel '{channelId}'.");
        if (serviceUrl is not null && (serviceUrlClaim is null || !string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase)))
            return BotAuthResult.Fail("serviceurl claim mismatch.");
        return new BotAuthResult(true, null, appId);
    }

    private void Remember(string token, ValidatedToken entry)
    {
        if (_validated.Count >= CacheCapacity)
        {
            foreach (var (key, value) in _validated)
            {
                if (!IsWithinLifetime(null, value.Expires))
                    _validated.TryRemove(key, out _);
            }
            // Still full of live tokens: start over rather than track usage; each costs one full validation to re-enter.
            if (_validated.Count >= CacheCapacity)
                _validated.Clear();
        }
        _validated[token] = entry;
    }

    // botbuilder's ClockSkew of 5 minutes, measured on the injected clock.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew)
            return false;
        return notBefore is null || now >= notBefore.Value.ToUniversalTime() - ClockSkew;
    }

    private async Task<(TokenValidationResult Result, DateTime? NotBefore, DateTime? Expires)> ValidateSignatureAsync(
        string token, string appId, BotSigningKeys.Snapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The cache re-checks the lifetime from the very values the handler passed here.
        DateTime? seenNotBefore = null, seenExpires = null;
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [ChannelIssuer],
            ValidateIssuer = true,
            ValidAudience = appId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                seenNotBefore = notBefore;
                seenExpires = expires;
                return IsWithinLifetime(notBefore, expires);
            },
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = snapshot.Keys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        return (result, seenNotBefore, seenExpires);
    }
}
