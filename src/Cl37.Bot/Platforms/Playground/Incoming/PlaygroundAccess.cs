using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Incoming;

/// <summary>Who may use the playground's API: everyone on a loopback-only app without a key, else
/// whoever shows <see cref="PlaygroundOptions.AccessKey"/> (the <c>X-Playground-Key</c> header) or
/// the cookie of a session opened with it. Sessions are random values held here, each ending after
/// <see cref="PlaygroundOptions.SessionHours"/>; nothing outlives the process, so a restart with a new
/// key ends them all. The playground can also be shut for good at start, when the server turns out
/// to listen beyond loopback without a key.</summary>
internal sealed class PlaygroundAccess(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    public const string HeaderName = "X-Playground-Key";
    public const string CookieName = "cl37-playground";

    private const int SessionBytes = 32;

    // Past this many, expired sessions are swept out when the next one opens.
    private const int SweepAbove = 1000;

    private readonly byte[]? _keyHash = options.Value.HasAccessKey ? AccessKeys.Hash(options.Value.AccessKey!) : null;

    // Keyed by the hash of the cookie value, so the map holds nothing a browser could replay.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    private volatile bool _shut;

    public bool KeyRequired => _keyHash is not null;

    public bool IsShut => _shut;

    public int OpenSessions => _sessions.Count;

    public void Shut() => _shut = true;

    public bool IsKey(string? candidate) => _keyHash is null || AccessKeys.Matches(candidate, _keyHash);

    /// <summary>The key the request carries in its header, if any.</summary>
    public static string? OfferedKey(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out var header) ? header.ToString() : null;

    /// <summary>Whether the request's cookie names a session that has not yet ended.</summary>
    public bool HasSession(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Length == 0)
            return false;
        var id = SessionId(cookie);
        if (!_sessions.TryGetValue(id, out var expires))
            return false;
        if (time.GetUtcNow() < expires)
            return true;
        _sessions.TryRemove(id, out _);
        return false;
    }

    /// <summary>Opens a session for someone who just showed the key: the cookie value and when it ends.</summary>
    public (string Value, DateTimeOffset Expires) OpenSession()
    {
        var now = time.GetUtcNow();
        if (_sessions.Count > SweepAbove)
        {
            foreach (var (id, ends) in _sessions)
            {
                if (ends <= now)
                    _sessions.TryRemove(id, out _);
            }
        }
        var value = Base64Url(RandomNumberGenerator.GetBytes(SessionBytes));
        var expires = now + TimeSpan.FromHours(options.Value.SessionHours);
        _sessions[SessionId(value)] = expires;
        return (value, expires);
    }

    private static string SessionId(string cookie) => Convert.ToBase64String(AccessKeys.Hash(cookie));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
