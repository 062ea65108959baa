using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Builds outbound activities and reads the identities out of inbound ones.</summary>
internal static class TeamsActivities
{
    public const string Platform = "teams";

    /// <summary>The channel an activity belongs to: a channel thread counts as its channel, so a
    /// question posted there is answered and revealed in one place.</summary>
    public static ChannelRef ChannelOf(Activity activity)
    {
        var conversation = TeamsSendQueue.ThreadKey(activity.Conversation?.Id ?? "");
        var channel = activity.ChannelData?.Channel?.Id is { Length: > 0 } c ? c : conversation;
        var group = activity.ChannelData?.Team?.Id is { Length: > 0 } t ? t : channel;
        return new ChannelRef(Platform, group, channel);
    }

    /// <summary>True for the person's 1:1 chat with the bot.</summary>
    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    public static TeamsConversationReference ReferenceOf(Activity activity)
    {
        var channel = ChannelOf(activity);
        return new TeamsConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ConversationId = channel.ChannelId,
            ConversationType = activity.Conversation?.ConversationType,
            TenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            TeamId = activity.ChannelData?.Team?.Id,
            ChannelId = activity.ChannelData?.Channel?.Id,
        };
    }

    /// <summary>A message activity for the connector: Markdown text, or the card as an Adaptive Card
    /// attachment (an open question with the people who have a personal view of it).</summary>
    public static Activity Message(OutgoingMessage message, string? botId, string? botName, string conversationId, IReadOnlyList<string>? personalViews = null)
    {
        var card = AdaptiveCardRenderer.Render(message, personalViews);
        return new Activity
        {
            Type = "message",
            From = botId is null ? null : new ChannelAccount { Id = botId, Name = botName },
            Conversation = new ConversationAccount { Id = conversationId },
            Text = card is null ? TeamsMessageText.Markdown(message.Text) : null,
            TextFormat = card is null ? "markdown" : null,
            Attachments = card is null ? null : [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = card }],
        };
    }
}
