using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The hello the bot posts where it has just been added: a personal chat, a group chat or a team.</summary>
internal sealed class TeamsWelcome(TeamsConnectorClient connector, ILogger logger)
{
    // Installing sends installationUpdate and conversationUpdate; only the second (the bot among
    // membersAdded, as botbuilder's OnMembersAddedAsync welcome) says hello, so it is said once.
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is not { } conversationId)
            return;
        var name = string.IsNullOrWhiteSpace(activity.Recipient?.Name) ? "the bot" : activity.Recipient.Name;
        var text = TeamsActivities.IsPersonal(activity)
            ? $"Hi, I'm {name}: exam-prep questions, leaderboards and the course's calculators.\n\nType `quiz practice` for a question of your own, `stats` for how you are doing, or `help` for everything."
            : $"Hi, I'm {name}: a daily exam-prep question for this {(activity.ChannelData?.Team is null ? "chat" : "team")}, answered with the buttons on its card (your feedback is shown to you only).\n\nTo start, {(activity.ChannelData?.Team is null ? "an admin" : "a team owner")} mentions me with `quiz now` to post a question or `quiz schedule set 09:00` to post one every day. Mention me with `help` for everything.";
        var message = TeamsActivities.Message(OutgoingMessage.PublicText(text), activity.Recipient?.Id, activity.Recipient?.Name, conversationId);
        try
        {
            await connector.SendAsync(activity.ServiceUrl, conversationId, message, cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
        {
            logger.LogWarning("Could not post the welcome in Teams conversation {Conversation}: {Error}", conversationId, ex.Message);
        }
    }
}
