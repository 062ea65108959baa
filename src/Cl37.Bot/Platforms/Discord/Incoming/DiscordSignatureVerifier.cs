using System.Text;
using Cl37.Bot.Platforms.Discord.Kernel;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>Ed25519 over <c>timestamp ‖ raw body</c> with the application's public key
/// (DAD interactions/overview.mdx "Validating Security Request Headers"). Every malformed input is
/// a plain false, never an exception, so the endpoint can answer 401.</summary>
internal sealed class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;
    private const int MaxTimestampChars = 32;
    private readonly PublicKey? _key;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options)
    {
        var hex = options.Value.PublicKey;
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit))
            PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey, out _key);
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (timestamp is null || timestamp.Length is 0 or > MaxTimestampChars)
            return false;
        var tsBytes = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[tsBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(tsBytes));
        return VerifySigned(signatureHex, message);
    }

    /// <summary>Verifies a buffer that already holds <c>timestamp ‖ raw body</c>, so the endpoint
    /// reads the body once into it and copies nothing.</summary>
    public bool VerifySigned(string? signatureHex, ReadOnlySpan<byte> timestampAndBody)
    {
        if (_key is null || signatureHex is null || signatureHex.Length != SignatureBytes * 2)
            return false;
        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != SignatureBytes)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(_key, timestampAndBody, signature);
    }
}
