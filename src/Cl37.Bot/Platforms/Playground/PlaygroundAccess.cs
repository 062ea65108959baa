using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>Who may use the playground's API: everyone on a loopback-only app without a key, else
/// whoever shows <see cref="PlaygroundOptions.AccessKey"/> (the <c>X-Playground-Key</c> header) or
/// the cookie the page got for it. The playground can also be shut for good at start, when the server
/// turns out to listen beyond loopback without a key.</summary>
internal sealed class PlaygroundAccess
{
    public const string HeaderName = "X-Playground-Key";
    public const string CookieName = "cl37-playground";

    // The cookie holds a value derived from the key, so the key itself never sits in a browser's cookie jar.
    private static readonly byte[] CookieLabel = "cl37-playground-cookie-v1"u8.ToArray();

    private readonly byte[]? _keyHash;
    private readonly byte[]? _cookieHash;
    private volatile bool _shut;

    public PlaygroundAccess(IOptions<PlaygroundOptions> options)
    {
        if (!options.Value.HasAccessKey)
            return;
        var key = Encoding.UTF8.GetBytes(options.Value.AccessKey!);
        _keyHash = SHA256.HashData(key);
        CookieValue = Convert.ToBase64String(HMACSHA256.HashData(key, CookieLabel)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _cookieHash = SHA256.HashData(Encoding.UTF8.GetBytes(CookieValue));
    }

    public bool KeyRequired => _keyHash is not null;

    public string? CookieValue { get; }

    public bool IsShut => _shut;

    public void Shut() => _shut = true;

    public bool IsKey(string? candidate) =>
        _keyHash is null || (candidate is not null && Matches(candidate, _keyHash));

    public bool Admits(HttpRequest request)
    {
        if (_keyHash is null)
            return true;
        if (request.Headers.TryGetValue(HeaderName, out var header) && Matches(header.ToString(), _keyHash))
            return true;
        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie, _cookieHash!);
    }

    // Hashing first gives both sides one length, so the comparison's time says nothing about the key.
    private static bool Matches(string candidate, byte[] expectedHash) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), expectedHash);
}
