using System.Security.Cryptography;
using System.Text;

namespace Cl37.Bot.Chat;

/// <summary>Shared secrets people type or paste (the playground's access key, the health details
/// key): what makes one too easy to guess, and a comparison whose time says nothing about it.</summary>
public static class AccessKeys
{
    public const int MinLength = 16;

    // A key of a few repeated characters ("aaaa…", "abab…") is guessed long before its length helps.
    private const int MinDistinctCharacters = 8;

    /// <summary>How to make a good key, for the start-up message.</summary>
    public const string HowToGenerate = "generate one with `openssl rand -base64 24`";

    /// <summary>Why the key is too easy to guess, or null when it is not.</summary>
    public static string? Weakness(string key)
    {
        if (key.Length < MinLength)
            return $"it has {key.Length} characters, fewer than {MinLength}";
        if (key.Distinct().Count() < MinDistinctCharacters)
            return $"it uses fewer than {MinDistinctCharacters} different characters";
        if (IsRun(key))
            return "it is a run of consecutive characters";
        return null;
    }

    /// <summary>The hash a candidate is compared against; hashing first gives both sides one length.</summary>
    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>Whether <paramref name="candidate"/> hashes to <paramref name="expectedHash"/>, in constant time.</summary>
    public static bool Matches(string? candidate, byte[] expectedHash) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Hash(candidate), expectedHash);

    private static bool IsRun(string key)
    {
        var step = key[1] - key[0];
        if (step is not (1 or -1))
            return false;
        for (var i = 2; i < key.Length; i++)
        {
            if (key[i] - key[i - 1] != step)
                return false;
        }
        return true;
    }
}
