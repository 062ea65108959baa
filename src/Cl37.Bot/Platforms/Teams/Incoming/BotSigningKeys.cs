using System.Text.Json;
using Cl37.Bot.Platforms.Teams.Kernel;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>The channel's signing keys and their endorsements, from the OpenID metadata and its
/// JWKS (botbuilder: ConfigurationManager + EndorsementsRetriever). Cached for a day; refreshed
/// early when a token names a key id we do not know, at most once per five minutes so forged key
/// ids cannot make us hammer the metadata endpoint (Microsoft.IdentityModel's ConfigurationManager
/// RefreshInterval). When the metadata cannot be fetched the keys we have keep working, the outage
/// is logged once, and with no keys at all a fetch is retried with a backoff from 1 s to 5 minutes
/// (ConfigurationManager's bootstrap refresh interval) rather than on every request.</summary>
internal sealed class BotSigningKeys(
    IHttpClientFactory httpClientFactory,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotSigningKeys> logger) : IDisposable
{
    public const string HttpClientName = "teams-openid";
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    internal static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private TimeSpan _backoff = TimeSpan.Zero;
    private volatile bool _unreachable;

    internal sealed record Snapshot(
        IReadOnlyList<SecurityKey> Keys,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
        DateTimeOffset FetchedAt);

    /// <summary>True while the last attempt to fetch the metadata failed.</summary>
    public bool Unreachable => _unreachable;

    /// <summary>What is wrong with the keys for the health check, or null: none could be loaded, or
    /// the ones held can no longer be refreshed.</summary>
    public string? Problem => !_unreachable ? null
        : _current is null
            ? $"no Bot Framework signing keys: they cannot be fetched from {options.Value.OpenIdMetadataUrl}, so every Teams request is turned away (503)"
            : $"the Bot Framework signing keys cannot be refreshed from {options.Value.OpenIdMetadataUrl}; requests signed with a key not cached are turned away (503)";

    /// <summary>How long a caller turned away during an outage should wait before trying again.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            var now = time.GetUtcNow();
            var next = _current is null ? _retryNotBefore : _lastForcedRefresh + MinRefreshInterval;
            var wait = next - now;
            return wait < FirstRetry ? FirstRetry : wait > MinRefreshInterval ? MinRefreshInterval : wait;
        }
    }

    /// <summary>The keys to check a token with; null when none could ever be loaded.</summary>
    public async Task<Snapshot?> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.FetchedAt < MaxAge)
            return current;
        return await RefreshAsync(force: false, cancellationToken);
    }

    /// <summary>Refetches when the cached keys are stale or the last forced refresh is long enough
    /// ago; returns the keys to retry with.</summary>
    public async Task<Snapshot?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) =>
        await RefreshAsync(force: true, cancellationToken);

    private async Task<Snapshot?> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var current = _current;
            if (current is not null)
            {
                var fresh = now - current.FetchedAt < MaxAge;
                if (fresh && (!force || now - _lastForcedRefresh < MinRefreshInterval))
                    return current;
                // Stale keys whose refresh failed are retried once per interval, not per request.
                if (!fresh && _unreachable && now - _lastForcedRefresh < MinRefreshInterval)
                    return current;
            }
            else if (now < _retryNotBefore)
            {
                return null;
            }
            if (force || current is not null)
                _lastForcedRefresh = now;
            try
            {
                var loaded = await LoadAsync(cancellationToken);
                _current = loaded;
                _backoff = TimeSpan.Zero;
                if (_unreachable)
                {
                    _unreachable = false;
                    logger.LogInformation("The Bot Framework signing keys can be fetched again from {Url}", options.Value.OpenIdMetadataUrl);
                }
                return loaded;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _backoff = _backoff == TimeSpan.Zero ? FirstRetry : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MinRefreshInterval.Ticks));
                _retryNotBefore = now + _backoff;
                if (!_unreachable)
                {
                    _unreachable = true;
                    // One warning per outage; requests meanwhile get 503 (or 401) without a log line each.
                    logger.LogWarning("Cannot fetch the Bot Framework signing keys from {Url} ({Error}); Teams requests that need new keys get 503 until it is reachable again",
                        options.Value.OpenIdMetadataUrl, ex.GetType().Name + ": " + ex.Message);
                }
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        var metadataJson = await http.GetStringAsync(RequireSecure(metadataUrl), cancellationToken);
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);
        if (string.IsNullOrEmpty(metadata.JwksUri))
            throw new InvalidOperationException($"The OpenID metadata at {metadataUrl} has no jwks_uri.");
        var jwksJson = await http.GetStringAsync(RequireSecure(metadata.JwksUri), cancellationToken);
        var keySet = new JsonWebKeySet(jwksJson);

        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(jwksJson))
        {
            if (doc.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in keys.EnumerateArray())
                {
                    if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                        && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        endorsements[kid.GetString()!] = list.EnumerateArray()
                            .Where(e => e.ValueKind == JsonValueKind.String)
                            .Select(e => e.GetString()!)
                            .ToList();
                    }
                }
            }
        }
        var signingKeys = keySet.GetSigningKeys();
        logger.LogInformation("Loaded {Count} Bot Framework signing keys from {Url}", signingKeys.Count, metadata.JwksUri);
        return new Snapshot(signingKeys.ToList(), endorsements, time.GetUtcNow());
    }

    // Keys decide who may call us: fetch them only over TLS, except from a loopback test server.
    private static Uri RequireSecure(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new InvalidOperationException($"Refusing to fetch signing keys over {uri.Scheme}: {url}");
        return uri;
    }
}
