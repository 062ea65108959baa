using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Routes one inbound activity (botbuilder's ActivityHandler / TeamsActivityHandler):
/// typed commands, card answers and card refreshes go through the inbound pipeline, installs and
/// uninstalls to the store.</summary>
internal sealed class TeamsActivityHandler(
    InboundPipeline pipeline,
    ITeamsConversationStore store,
    TeamsConnectorClient connector,
    TeamsRoster roster,
    TeamsAnswerers answerers,
    TeamsPersonalChats personalChats,
    TeamsReferenceCache savedReferences,
    TeamsFileUpload files,
    TeamsMetrics metrics,
    CommandCatalog catalog,
    ILogger<TeamsActivityHandler> logger)
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>The pipeline's deadline for Teams: an invoke is answered in its HTTP response, and
    /// Teams expects that within about 15 s (teams-protocol.md, "Timing").</summary>
    public static readonly TimeSpan InvokeDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Handles a non-invoke activity (message, conversationUpdate, installationUpdate).</summary>
    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        metrics.Activity(activity.Type ?? "unknown");
        switch (activity.Type)
        {
            case "message":
                await RememberAsync(activity, cancellationToken);
                await OnMessageAsync(activity, cancellationToken);
                break;
            case "installationUpdate":
                if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
                    await AddedAsync(activity, cancellationToken);
                else if (string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
                    await RemovedAsync(activity, cancellationToken);
                break;
            case "conversationUpdate":
                await OnConversationUpdateAsync(activity, cancellationToken);
                break;
            default:
                logger.LogDebug("Ignored a Teams {Type} activity", activity.Type);
                break;
        }
    }

    /// <summary>Handles an invoke and returns what the HTTP response carries.</summary>
    public async Task<TeamsInvokeResult> HandleInvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        metrics.Activity("invoke");
        if (string.Equals(activity.Name, TeamsFileUpload.InvokeName, StringComparison.Ordinal))
        {
            await files.HandleAsync(activity, cancellationToken);
            return TeamsInvokeResult.Ok;
        }
        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal))
            return TeamsInvokeResult.NotImplemented;
        await RememberAsync(activity, cancellationToken);

        AdaptiveCardInvokeValue? value = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                value = raw.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);
            }
            catch (JsonException)
            {
                value = null;
            }
        }
        // ActivityHandler.GetAdaptiveCardInvokeValue: only Action.Execute is accepted.
        if (value?.Action is not { } action || !string.Equals(action.Type, "Action.Execute", StringComparison.Ordinal))
            return TeamsInvokeResult.Error(400, "The card action is not an Action.Execute.");
        if (string.Equals(action.Verb, AdaptiveCardRenderer.RefreshVerb, StringComparison.Ordinal))
            return await RefreshAsync(activity, action, cancellationToken);
        if (!string.Equals(action.Verb, AdaptiveCardRenderer.AnswerVerb, StringComparison.Ordinal))
            return TeamsInvokeResult.Error(400, $"This bot does not know the card action '{AdaptiveCardRenderer.Clip(action.Verb, 40)}'.");

        var answer = CardAnswer.TryRead(action.Data, out var error);
        if (answer is null)
            return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(OutgoingMessage.PrivateText(error ?? "This card was not made by this bot.")));
        var channel = TeamsActivities.ChannelOf(activity);
        var user = UserOf(activity, isOwner: false);
        var outcome = await pipeline.RunAsync(new AnswerAction(channel, user, answer.PostId, answer.Values, activity.Id), cancellationToken);
        // Past the deadline the answer is still being stored; the card's refresh shows its feedback.
        if (outcome.Later is not null)
            return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(OutgoingMessage.PrivateText(InboundPipeline.StillWorking)));
        var reply = outcome.Reply ?? OutgoingMessage.PrivateText(InboundPipeline.Unexpected);
        if (activity.From?.Id is { Length: > 0 } userId && !answerers.TryAdd(answer.PostId, userId))
        {
            // Past Teams' 60 personal views the next tally update shows this person the bare
            // question again, so the feedback also goes where it stays: their chat with the bot.
            var kept = await TrySendPersonallyAsync(activity, reply, cancellationToken);
            reply = reply with
            {
                Text = reply.Text + (kept
                    ? "\n\nThis card shows personal feedback to its first 60 answerers only, so yours is also in your chat with the bot."
                    : "\n\nThis card shows personal feedback to its first 60 answerers only: add the app in a personal chat to keep yours."),
            };
        }
        return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(await WithQuestionAsync(channel, user, answer.PostId, reply, cancellationToken)));
    }

    // The card an Action.Execute is answered with replaces the clicker's copy, so it is the whole
    // question with its live tally and the feedback on it; a refused answer keeps the controls.
    private async Task<OutgoingMessage> WithQuestionAsync(ChannelRef channel, ChatUser user, long postId, OutgoingMessage feedback, CancellationToken cancellationToken)
    {
        if (await ViewAsync(new PostView(channel, user, postId, Personal: false), cancellationToken) is not { Card: QuestionCard question })
            return feedback;
        return new OutgoingMessage(feedback.Text, question with { Feedback = feedback.Text, CanRetry = feedback.Refused || feedback.NotSaved }, Private: true);
    }

    // The automatic refresh of a card that lists this person (or anyone's "Refresh card"): their
    // own answer if they gave one, else the question as everyone sees it.
    private async Task<TeamsInvokeResult> RefreshAsync(Activity activity, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        if (RefreshPost(action.Data) is not { } postId)
            return TeamsInvokeResult.Error(400, "This card was not made by this bot.");
        var channel = TeamsActivities.ChannelOf(activity);
        var user = UserOf(activity, isOwner: false);
        var feedback = await ViewAsync(new PostView(channel, user, postId, Personal: true), cancellationToken);
        if (feedback is not null)
        {
            // After a restart the list of personal views starts empty; whoever refreshes is listed again.
            if (activity.From?.Id is { Length: > 0 } userId)
                answerers.TryAdd(postId, userId);
            return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(feedback));
        }
        var question = await ViewAsync(new PostView(channel, user, postId, Personal: false), cancellationToken);
        return question is null
            ? TeamsInvokeResult.Error(400, "This question is not from this team or chat.")
            : TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(question));
    }

    private static long? RefreshPost(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d
            || !d.TryGetProperty(AdaptiveCardRenderer.DataMarker, out var marker) || marker.ValueKind != JsonValueKind.String
            || marker.GetString() != AdaptiveCardRenderer.RefreshVerb
            || !d.TryGetProperty("post", out var post) || post.ValueKind != JsonValueKind.Number || !post.TryGetInt64(out var id))
            return null;
        return id;
    }

    private async Task OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = TeamsActivities.ChannelOf(activity);
        if (activity.Value is { ValueKind: JsonValueKind.Object } data)
        {
            // Action.Submit (the fallback for clients without Universal Actions) arrives as a message.
            var answer = CardAnswer.TryRead(data, out var error);
            var feedback = answer is null
                ? OutgoingMessage.PrivateText(error ?? "That card was not made by this bot.")
                : await RunAsync(new AnswerAction(channel, UserOf(activity, isOwner: false), answer.PostId, answer.Values, activity.Id), cancellationToken);
            await SendPrivatelyAsync(activity, feedback, cancellationToken);
            return;
        }
        var text = TeamsMessageText.CommandText(activity);
        // With ChannelMessage.Read.Group Teams delivers every channel message: one that does not
        // mention the bot is a command only when it reads as one; the rest is people talking.
        if (!IsPersonal(activity) && !TeamsMessageText.MentionsBot(activity)
            && CommandTextParser.Parse(catalog, text, channel, UserOf(activity, isOwner: false)).Command is null)
            return;
        if (text.Length == 0)
            text = "help";
        var user = UserOf(activity, await IsOwnerAsync(activity, cancellationToken));
        var reply = await RunAsync(new TypedCommand(channel, user, text), cancellationToken);
        // Teams has no ephemeral messages: a private reply (a confirmation such as "✅ Posted", help,
        // stats, a refusal) to a command typed in a channel or group chat goes to the person's 1:1
        // chat with the bot, so the channel holds only the quiz. Without that chat it stays in the
        // command's own thread.
        if (reply.Private && !IsPersonal(activity) && await TrySendPersonallyAsync(activity, reply, cancellationToken))
            return;
        await ReplyAsync(activity, reply, cancellationToken);
    }

    private async Task<OutgoingMessage> RunAsync(Inbound request, CancellationToken cancellationToken) =>
        await (await pipeline.RunAsync(request, cancellationToken)).ReplyAsync();

    // A post view has nothing to show (null) when the post is not this conversation's.
    private async Task<OutgoingMessage?> ViewAsync(PostView request, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync(request, cancellationToken);
        return outcome.Later is { } later ? await later : outcome.Reply;
    }

    private static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    // Teams has no ephemeral messages. Feedback to an Action.Submit in a team or group chat would
    // tell everyone the answer, so it goes to the person's 1:1 chat with the bot; when the app is
    // not installed for them there, the thread only learns that an answer was recorded.
    private async Task SendPrivatelyAsync(Activity inbound, OutgoingMessage feedback, CancellationToken cancellationToken)
    {
        if (IsPersonal(inbound) || inbound.ServiceUrl is null || inbound.From?.Id is null)
        {
            await ReplyAsync(inbound, feedback, cancellationToken);
            return;
        }
        if (await TrySendPersonallyAsync(inbound, feedback, cancellationToken))
            return;
        var name = string.IsNullOrWhiteSpace(inbound.From.Name) ? "Your" : inbound.From.Name + ", your";
        await ReplyAsync(inbound, OutgoingMessage.PublicText($"{name} answer was recorded. Feedback is private: add the app in a personal chat to see it."), cancellationToken);
    }

    /// <summary>Sends a message to the person's 1:1 chat with the bot; false when there is none
    /// (the app is not installed for them personally) or the connector refused.</summary>
    private async Task<bool> TrySendPersonallyAsync(Activity inbound, OutgoingMessage message, CancellationToken cancellationToken)
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

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        // Member lists come off the wire: a forged one may hold null entries, which are skipped.
        bool IsBot(ChannelAccount? m) => botId is not null && m is not null && string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase);
        if (activity.ChannelData?.EventType is "channelDeleted")
            await ForgetAsync(activity, cancellationToken);
        else if (activity.MembersRemoved?.Any(IsBot) == true || activity.ChannelData?.EventType is "teamDeleted")
            await RemovedAsync(activity, cancellationToken);
        else if (activity.MembersAdded?.Any(IsBot) == true)
        {
            await AddedAsync(activity, cancellationToken);
            await WelcomeAsync(activity, cancellationToken);
        }
    }

    // Installing sends installationUpdate and conversationUpdate; only the second (the bot among
    // membersAdded, as botbuilder's OnMembersAddedAsync welcome) says hello, so it is said once.
    private async Task WelcomeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is not { } conversationId)
            return;
        var name = string.IsNullOrWhiteSpace(activity.Recipient?.Name) ? "the bot" : activity.Recipient.Name;
        var text = IsPersonal(activity)
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

    private async Task ReplyAsync(Activity inbound, OutgoingMessage reply, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is null || inbound.Conversation?.Id is not { } conversationId)
            return;
        // Bots can send files only in a 1:1 chat (the Teams bot file APIs work in personal scope only).
        if (reply.Files.Count > 0 && !IsPersonal(inbound))
            reply = reply with { Text = reply.Text + "\n\nFiles can only be sent in a 1:1 chat: message me there with the same command to get " + string.Join(", ", reply.Files.Select(f => f.FileName)) + ".", Files = [] };
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

    private async Task<bool> IsOwnerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var from = activity.From;
        if (from?.Id is null)
            return false;
        if (activity.ChannelData?.Team is not { Id: { } teamId } team || activity.ServiceUrl is null)
            return false;
        var tenant = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        return await roster.IsOwnerAsync(activity.ServiceUrl, teamId, team.AadGroupId, tenant, from.AadObjectId, cancellationToken);
    }

    // The AAD object id is the same person in every team and chat; the 29: id is per bot. A chat
    // outside a team has no owners to be its admins: only Quiz:Admins names them there.
    private static ChatUser UserOf(Activity activity, bool isOwner) => new(
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? "unknown",
        string.IsNullOrWhiteSpace(activity.From?.Name) ? "Someone" : activity.From.Name,
        isOwner)
    {
        AdminRule = activity.ChannelData?.Team?.Id is { Length: > 0 } ? AdminRule.TeamOwners : AdminRule.OperatorListOnly,
    };

    // Teams announces installing and removing the app in a team once, on the team's General
    // channel, but the app comes and goes in every channel of the team at once.
    private async Task AddedAsync(Activity activity, CancellationToken cancellationToken)
    {
        await RememberAsync(activity, cancellationToken);
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } || activity.ServiceUrl is null || activity.Conversation?.Id is null)
            return;
        var installed = TeamsActivities.ReferenceOf(activity);
        // Bot Framework: a team channel's conversation id is the channel id, and posting to it starts a new thread there.
        await store.RestoreGroupAsync(TeamsActivities.ChannelOf(activity),
            id => installed with { ConversationId = id, ChannelId = id, ConversationType = "channel" }, cancellationToken);
    }

    private async Task RemovedAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } || activity.Conversation?.Id is null)
        {
            await ForgetAsync(activity, cancellationToken);
            return;
        }
        var channel = TeamsActivities.ChannelOf(activity);
        await store.RemoveGroupAsync(channel, cancellationToken);
        savedReferences.ForgetGroup(channel);
        logger.LogInformation("Removed every channel of the Teams team {Team}", channel.GroupId);
    }

    private async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null)
            return;
        var channel = TeamsActivities.ChannelOf(activity);
        var reference = TeamsActivities.ReferenceOf(activity);
        if (savedReferences.IsCurrent(channel, reference))
            return;
        await store.SaveAsync(channel, reference, cancellationToken);
        savedReferences.Remember(channel, reference);
        logger.LogInformation("Stored the Teams conversation {Conversation}", channel.ChannelId);
    }

    private async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is null)
            return;
        var channel = TeamsActivities.ChannelOf(activity);
        await store.RemoveAsync(channel, cancellationToken);
        savedReferences.Forget(channel);
        logger.LogInformation("Removed the Teams conversation {Conversation}", channel.ChannelId);
    }
}
