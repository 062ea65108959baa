using System.Globalization;
using System.Text;

namespace Cl37.Bot.Content;

/// <summary>Undoes UTF-8 text that was decoded as Windows-1252 (<c>âœ…</c> → ✅), including
/// sequences that lost a byte Windows-1252 leaves undefined (<c>âŒ</c> → ❌).</summary>
internal static class MojibakeRepair
{
    // Windows-1252 0x80–0x9F; '\0' marks the five undefined bytes.
    private const string High = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

    // The bytes Windows-1252 does not define, most likely first: they are the ones a round trip drops.
    private static readonly byte[] Lost = [0x9D, 0x8F, 0x81, 0x8D, 0x90];

    private static readonly UTF8Encoding Strict = new(false, true);

    public static string Repair(string line)
    {
        if (line.All(char.IsAscii))
            return line;
        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsAscii(line[i]))
            {
                sb.Append(line[i++]);
                continue;
            }
            var start = i;
            while (i < line.Length && !char.IsAscii(line[i]))
                i++;
            var run = line[start..i];
            sb.Append(RepairRun(run) ?? run);
        }
        return sb.ToString();
    }

    private static string? RepairRun(string run)
    {
        var bytes = new byte[run.Length];
        for (var k = 0; k < run.Length; k++)
        {
            if (ToByte(run[k]) is not { } b)
                return null;
            bytes[k] = b;
        }
        if (bytes.Length < 2 || !bytes.Any(b => b >= 0xC2))
            return null;
        if (Decode(bytes) is { } whole)
            return whole;
        // Emoji first: a dropped byte guessed wrong still decodes, to a rarer symbol (🝓 for 📝).
        return Guess(bytes, IsEmoji) ?? Guess(bytes, IsSymbols);
    }

    private static string? Guess(byte[] bytes, Func<string, bool> accept)
    {
        foreach (var lost in Lost)
        {
            for (var at = 1; at <= bytes.Length; at++)
            {
                var candidate = new byte[bytes.Length + 1];
                bytes.AsSpan(0, at).CopyTo(candidate);
                candidate[at] = lost;
                bytes.AsSpan(at).CopyTo(candidate.AsSpan(at + 1));
                if (Decode(candidate) is { } text && accept(text))
                    return text;
            }
        }
        return null;
    }

    private static bool IsEmoji(string text)
    {
        for (var k = 0; k < text.Length; k += char.IsSurrogatePair(text, k) ? 2 : 1)
        {
            var cp = char.ConvertToUtf32(text, k);
            if (cp is not (>= 0x1F300 and <= 0x1F6FF or >= 0x1F900 and <= 0x1FAFF or >= 0x2190 and <= 0x21FF
                or >= 0x2300 and <= 0x23FF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF or 0xFE0F or 0x200D))
                return false;
        }
        return true;
    }

    // A guessed byte is accepted only when it yields symbols (emoji, arrows), never letters.
    private static bool IsSymbols(string text)
    {
        for (var k = 0; k < text.Length; k += char.IsSurrogatePair(text, k) ? 2 : 1)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text, k) is not (UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
                return false;
        }
        return true;
    }

    private static byte? ToByte(char c)
    {
        if (c is >= '\u00A0' and <= '\u00FF')
            return (byte)c;
        var index = High.IndexOf(c, StringComparison.Ordinal);
        return c != '\0' && index >= 0 ? (byte)(0x80 + index) : null;
    }

    private static string? Decode(byte[] bytes)
    {
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        for (var k = 0; k < text.Length; k += char.IsSurrogatePair(text, k) ? 2 : 1)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text, k);
            if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Control or UnicodeCategory.PrivateUse)
                return null;
        }
        return text;
    }
}
