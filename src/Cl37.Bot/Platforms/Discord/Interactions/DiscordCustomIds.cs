using System.Globalization;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>The custom_id scheme (each ≤ 100 characters, unique within a message; DAD
/// components/reference.mdx "Custom ID"): <c>a:{post}:{key}</c> an answer button, <c>s:{post}</c>
/// the multi-select, <c>o:{post}</c> the button that opens the answer modal, <c>t:{post}</c> that modal.</summary>
internal static class DiscordCustomIds
{
    public const int MaxLength = 100;
    public const string AnswerInput = "answer";

    public static string Button(long postId, string key) => Fit($"a:{Id(postId)}:{key}");

    public static string Select(long postId) => $"s:{Id(postId)}";

    public static string OpenModal(long postId) => $"o:{Id(postId)}";

    public static string Modal(long postId) => $"t:{Id(postId)}";

    public static bool TryParse(string? customId, out char kind, out long postId, out string? key)
    {
        kind = '\0';
        postId = 0;
        key = null;
        if (customId is null || customId.Length is < 3 or > MaxLength || customId[1] != ':')
            return false;
        kind = customId[0];
        var rest = customId.AsSpan(2);
        var colon = rest.IndexOf(':');
        var idPart = colon < 0 ? rest : rest[..colon];
        if (!long.TryParse(idPart, NumberStyles.None, CultureInfo.InvariantCulture, out postId))
            return false;
        if (kind == 'a')
        {
            if (colon < 0 || colon == rest.Length - 1)
                return false;
            key = rest[(colon + 1)..].ToString();
            return true;
        }
        return colon < 0 && kind is 's' or 'o' or 't';
    }

    private static string Id(long postId) => postId.ToString(CultureInfo.InvariantCulture);

    private static string Fit(string id) => id.Length <= MaxLength ? id : id[..MaxLength];
}
