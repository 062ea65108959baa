using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>The person behind an activity, as the chat port knows them.</summary>
internal static class TeamsChatUsers
{
    // The AAD object id is the same person in every team and chat; the 29: id is per bot. A chat
    // outside a team has no owners to be its admins: only Quiz:Admins names them there.
    public static ChatUser UserOf(Activity activity, bool isOwner) => new(
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? "unknown",
        string.IsNullOrWhiteSpace(activity.From?.Name) ? "Someone" : activity.From.Name,
        isOwner)
    {
        AdminRule = activity.ChannelData?.Team?.Id is { Length: > 0 } ? AdminRule.TeamOwners : AdminRule.OperatorListOnly,
    };
}
