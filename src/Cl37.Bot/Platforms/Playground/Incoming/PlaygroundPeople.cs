using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;

namespace Cl37.Bot.Platforms.Playground.Incoming;

/// <summary>Turns the person a tab acts as into a <see cref="ChatUser"/>. The id derives from the
/// name (<c>Ada Lovelace</c> → <c>ada-lovelace</c>) so that <c>Quiz:Admins</c> can name people.</summary>
internal static class PlaygroundPeople
{
    public const int MaxNameLength = 40;

    /// <summary>The user, or one sentence saying what is wrong with the person.</summary>
    public static (ChatUser? User, string? Error) Resolve(PersonDto? person, bool allowAdminSwitch)
    {
        if (person is null)
            return (null, "`person` is missing: send {\"name\": \"…\", \"admin\": false}.");
        var name = person.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            return (null, "`person.name` is missing: say who you are.");
        if (name.Length > MaxNameLength)
            return (null, $"`person.name` is too long ({name.Length} characters; at most {MaxNameLength}).");
        if (name.Any(char.IsControl))
            return (null, "`person.name` contains control characters.");
        if (name.EnumerateRunes().Any(IsInvisible))
            return (null, "`person.name` contains invisible or direction-changing characters (zero-width spaces, joiners, bidi overrides); type the name with visible characters only.");
        if (!name.Any(char.IsLetterOrDigit))
            return (null, "`person.name` needs at least one letter or digit.");
        return (new ChatUser(IdOf(name), name, person.Admin && allowAdminSwitch) { AdminRule = AdminRule.AdminSwitch }, null);
    }

    // Format characters (zero-width space and joiners, bidi overrides and isolates, soft hyphen, BOM),
    // line and paragraph separators, private-use code points, and the letters that draw as blanks,
    // so "ad\u200bmin" cannot pose as "admin" on the screen.
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>The id of a name. Compatibility forms fold first (NFKC), so "ｔｕｔｏｒ" is "tutor".</summary>
    public static string IdOf(string name)
    {
        name = name.Trim();
        try
        {
            name = name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate has no normal form; the name is used as typed.
        }
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        var slug = sb.ToString().TrimEnd('-');
        if (slug.Length > 0 && slug.Length * 2 >= name.Length)
            return slug;
        // Mostly non-ASCII names (Ελένη, 李雷) would collapse to nothing or collide; a hash keeps them apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        return slug.Length > 0 ? slug + "-" + hash : "u-" + hash;
    }
}
