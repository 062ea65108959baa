using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The channel's signing keys and their endorsements, from the OpenID metadata and its
/// JWKS (botbuilder: ConfigurationManager + EndorsementsRetriever). Cached for a day; refreshed
/// early when a token names a key id we do not know, at most once per five minutes so forged key
/// ids cannot make us hammer the metadata endpoint.</summary>
internal sealed class BotSigningKeys(
    IHttpClientFactory httpClientFactory,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotSigningKeys> logger) : IDisposable
{
    public const string HttpClientName = "teams-openid";
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    internal sealed record Snapshot(
        IReadOnlyList<SecurityKey> Keys,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
        DateTimeOffset FetchedAt);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.FetchedAt < MaxAge)
            return current;
        return await RefreshAsync(force: false, cancellationToken);
    }

    /// <summary>Refetches when the cached keys are stale or the last forced refresh is long enough
    /// ago; returns the keys to retry with.</summary>
    public async Task<Snapshot> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) =>
        await RefreshAsync(force: true, cancellationToken);

    private async Task<Snapshot> RefreshAsync(bool force, CancellationToken cancellationToken)
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
            }
            if (force)
                _lastForcedRefresh = now;
            var loaded = await LoadAsync(cancellationToken);
            _current = loaded;
            return loaded;
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
