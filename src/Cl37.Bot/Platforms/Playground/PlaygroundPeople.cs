using System.Security.Cryptography;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;

namespace Cl37.Bot.Platforms.Playground;

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
        if (!name.Any(char.IsLetterOrDigit))
            return (null, "`person.name` needs at least one letter or digit.");
        return (new ChatUser(IdOf(name), name, person.Admin && allowAdminSwitch), null);
    }

    public static string IdOf(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Trim().ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        var slug = sb.ToString().TrimEnd('-');
        if (slug.Length > 0 && slug.Length * 2 >= name.Trim().Length)
            return slug;
        // Mostly non-ASCII names (Ελένη, 李雷) would collapse to nothing or collide; a hash keeps them apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..10];
        return slug.Length > 0 ? slug + "-" + hash : "u-" + hash;
    }
}
