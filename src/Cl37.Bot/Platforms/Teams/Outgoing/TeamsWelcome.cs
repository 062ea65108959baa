using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The hello the bot posts where it has just been added: a personal chat, a group chat or a team.</summary>
internal sealed class TeamsWelcome(TeamsConnectorClient connector, InboundPipeline pipeline, ILogger logger)
{
    // Installing sends installationUpdate and conversationUpdate; only the second (the bot among
    // membersAdded, as botbuilder's OnMembersAddedAsync welcome) says hello, so it is said once.
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is not { } conversationId)
            return;
        var text = pipeline.Say(new ChatNotice.Welcome(activity.Recipient?.Name, TeamsActivities.IsPersonal(activity), InTeam: activity.ChannelData?.Team is not null));
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
