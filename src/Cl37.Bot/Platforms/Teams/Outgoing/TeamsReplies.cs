using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Sends the reply to an inbound activity: in its own thread, or privately in the person's
/// 1:1 chat with the bot, with a FileConsentCard for each of the reply's files.</summary>
internal sealed class TeamsReplies(
    TeamsConnectorClient connector,
    TeamsPersonalChats personalChats,
    TeamsFileUpload files,
    InboundPipeline pipeline,
    ILogger logger)
{
    // Teams has no ephemeral messages. Feedback to an Action.Submit in a team or group chat would
    // tell everyone the answer, so it goes to the person's 1:1 chat with the bot; when the app is
    // not installed for them there, the thread only learns that an answer was recorded.
    public async Task SendPrivatelyAsync(Activity inbound, OutgoingMessage feedback, CancellationToken cancellationToken)
    {
        if (TeamsActivities.IsPersonal(inbound) || inbound.ServiceUrl is null || inbound.From?.Id is null)
        {
            await ReplyAsync(inbound, feedback, cancellationToken);
            return;
        }
        if (await TrySendPersonallyAsync(inbound, feedback, cancellationToken))
            return;
        await ReplyAsync(inbound, OutgoingMessage.PublicText(pipeline.Say(new ChatNotice.AnswerRecordedPublicly(inbound.From.Name))), cancellationToken);
    }

    /// <summary>Sends a message to the person's 1:1 chat with the bot; false when there is none
    /// (the app is not installed for them personally) or the connector refused.</summary>
    public async Task<bool> TrySendPersonallyAsync(Activity inbound, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is null || inbound.From?.Id is null)
            return false;
        var serviceUrl = inbound.ServiceUrl;
        var userId = inbound.From.Id;
        if (personalChats.Find(serviceUrl, userId) is { } known)
        {
            try
            {
                await connector.SendAsync(serviceUrl, known, WithFiles(TeamsActivities.Message(message, inbound.Recipient?.Id, inbound.Recipient?.Name, known), message, userId), cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
            {
                personalChats.Forget(serviceUrl, userId);
            }
        }
        var tenant = inbound.Conversation?.TenantId ?? inbound.ChannelData?.Tenant?.Id;
        try
        {
            var chat = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = inbound.Recipient?.Id, Name = inbound.Recipient?.Name },
                Members = [new ChannelAccount { Id = userId }],
                TenantId = tenant,
                ChannelData = tenant is null ? null : new TeamsChannelData { Tenant = new IdName { Id = tenant } },
            }, cancellationToken);
            if (chat.Id is not { Length: > 0 } chatId)
                return false;
            await connector.SendAsync(serviceUrl, chatId, WithFiles(TeamsActivities.Message(message, inbound.Recipient?.Id, inbound.Recipient?.Name, chatId), message, userId), cancellationToken);
            personalChats.Remember(serviceUrl, userId, chatId);
            return true;
        }
        catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
        {
            logger.LogInformation("No 1:1 chat with {User} for private feedback: {Error}", userId, ex.Message);
            return false;
        }
    }

    /// <summary>Replies in the inbound activity's conversation, in its thread when it has an id.</summary>
    public async Task ReplyAsync(Activity inbound, OutgoingMessage reply, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is null || inbound.Conversation?.Id is not { } conversationId)
            return;
        // Bots can send files only in a 1:1 chat (the Teams bot file APIs work in personal scope only).
        if (reply.Files.Count > 0 && !TeamsActivities.IsPersonal(inbound))
            reply = reply with { Text = reply.Text + "\n\n" + pipeline.Say(new ChatNotice.FilesOnlyInPersonalChat([.. reply.Files.Select(f => f.FileName)])), Files = [] };
        var outbound = TeamsActivities.Message(reply, inbound.Recipient?.Id, inbound.Recipient?.Name, conversationId);
        if (inbound.From?.Id is { } from)
            outbound = WithFiles(outbound, reply, from);
        outbound.Recipient = inbound.From is null ? null : new ChannelAccount { Id = inbound.From.Id, Name = inbound.From.Name };
        try
        {
            if (inbound.Id is { Length: > 0 } replyTo)
                await connector.ReplyAsync(inbound.ServiceUrl, conversationId, replyTo, outbound, cancellationToken);
            else
                await connector.SendAsync(inbound.ServiceUrl, conversationId, outbound, cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
        {
            logger.LogError("Could not reply in Teams conversation {Conversation}: {Error}", conversationId, ex.Message);
        }
    }

    /// <summary>The activity with a FileConsentCard for each of the message's files.</summary>
    private Activity WithFiles(Activity outbound, OutgoingMessage message, string userId)
    {
        if (message.Files.Count > 0)
            outbound.Attachments = [.. outbound.Attachments ?? [], .. files.ConsentCards(message.Files, userId)];
        return outbound;
    }
}
