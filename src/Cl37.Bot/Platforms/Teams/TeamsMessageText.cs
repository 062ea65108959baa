using System.Net;
using System.Text.RegularExpressions;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The command a person typed, with the bot's @mention removed the way botbuilder does it
/// (ActivityExtensions.RemoveRecipientMention) and other mentions reduced to their names
/// (NormalizeMentionsMiddleware).</summary>
internal static partial class TeamsMessageText
{
    public static string CommandText(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
                continue;
            var mention = entity.Text ?? (entity.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(mention))
                text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
        }
        text = AtTag().Replace(text, "$1");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();
}
