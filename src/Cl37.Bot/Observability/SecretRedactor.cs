using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Cl37.Bot.Observability;

/// <summary>Removes secrets from log text: every configured value whose setting name says it is a
/// secret (token, password, key, signature …), connection-string passwords, and the shapes of
/// credentials that arrive from outside (Authorization headers, JWTs, Discord interaction tokens in
/// webhook and interaction callback URLs, request signatures).</summary>
public sealed partial class SecretRedactor : IDisposable
{
    public const string Mask = "***";

    private readonly IConfiguration _configuration;
    private readonly IDisposable _reload;
    private volatile string[] _values = [];

    public SecretRedactor(IConfiguration configuration)
    {
        _configuration = configuration;
        Reload();
        _reload = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var value in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
                text = text.Replace(value, Mask, StringComparison.Ordinal);
        }
        text = AuthorizationPattern().Replace(text, m => m.Groups[1].Value + Mask);
        text = JwtPattern().Replace(text, Mask);
        text = DiscordTokenPattern().Replace(text, Mask);
        text = WebhookPattern().Replace(text, m => m.Groups[1].Value + Mask);
        text = InteractionCallbackPattern().Replace(text, m => m.Groups[1].Value + Mask);
        text = ConnectionPasswordPattern().Replace(text, m => m.Groups[1].Value + Mask);
        text = SignaturePattern().Replace(text, m => m.Groups[1].Value + Mask);
        return text;
    }

    /// <summary>True when a setting with this name holds a secret.</summary>
    public static bool IsSecretName(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretNamePattern().IsMatch(name);
    }

    public void Dispose() => _reload.Dispose();

    private void Reload()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in _configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            if (IsSecretName(key) && value.Trim().Length >= 4)
                values.Add(value.Trim());
            foreach (Match m in ConnectionPasswordPattern().Matches(value))
            {
                if (m.Groups[2].Value.Length >= 4)
                    values.Add(m.Groups[2].Value);
            }
        }
        _values = [.. values.OrderByDescending(v => v.Length)];
    }

    // The setting's own name must end in the word: Discord:Token, Teams:AppPassword, Discord:PublicKey,
    // GITHUB_TOKEN; but not Teams:TokenEndpoint or the shell's PWD.
    [GeneratedRegex("(token|secret|password|passwd|apikey|api_key|privatekey|publickey|signingkey|signature|credentials?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretNamePattern();

    // "Authorization: Bot x", "Bearer x"; the scheme must be followed by a space ("Cl37.Bot.Data" is no credential).
    [GeneratedRegex(@"(\b(?:Authorization\s*[:=]\s*(?:(?:Bearer|Bot|Basic)\s+)?|(?:Bearer|Bot|Basic)\s+))[A-Za-z0-9._~+/=-]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();

    // Discord bot tokens: base64 user id, timestamp, HMAC (discord.com/developers/docs/reference#authentication).
    [GeneratedRegex(@"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}")]
    private static partial Regex DiscordTokenPattern();

    // Follow-ups and edits carry the interaction token in the path: /webhooks/{application.id}/{interaction.token}.
    [GeneratedRegex(@"(/webhooks/\d+/)[A-Za-z0-9._-]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebhookPattern();

    // The first response carries it too: /interactions/{interaction.id}/{interaction.token}/callback.
    [GeneratedRegex(@"(/interactions/\d+/)[A-Za-z0-9._-]+", RegexOptions.IgnoreCase)]
    private static partial Regex InteractionCallbackPattern();

    [GeneratedRegex(@"((?:Password|Pwd)\s*=\s*)([^;""'\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPasswordPattern();

    [GeneratedRegex(@"(X-Signature-Ed25519\W{1,4})[0-9a-fA-F]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex SignaturePattern();
}
