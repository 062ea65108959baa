using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>An <c>adaptiveCard/action</c> invoke (Universal Actions): an answer button or a card
/// refresh, each answered in the invoke's response with the clicker's copy of the card.</summary>
internal sealed class TeamsCardActions(InboundPipeline pipeline, TeamsAnswerers answerers, TeamsReplies replies)
{
    public async Task<TeamsInvokeResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
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
            return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(OutgoingMessage.PrivateText(pipeline.Say(error ?? new ChatNotice.NotOurCard()))));
        var channel = TeamsActivities.ChannelOf(activity);
        var user = TeamsChatUsers.UserOf(activity, isOwner: false);
        var outcome = await pipeline.RunAsync(new AnswerAction(channel, user, answer.PostId, answer.Values, activity.Id), cancellationToken);
        // Past the deadline the answer is still being stored; the card's refresh shows its feedback.
        if (outcome.Later is not null)
            return TeamsInvokeResult.Card(AdaptiveCardRenderer.RenderPrivate(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.StillSaving()))));
        var reply = outcome.Reply ?? OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Unexpected()));
        if (activity.From?.Id is { Length: > 0 } userId && !answerers.TryAdd(answer.PostId, userId))
        {
            // Past Teams' 60 personal views the next tally update shows this person the bare
            // question again, so the feedback also goes where it stays: their chat with the bot.
            var kept = await replies.TrySendPersonallyAsync(activity, reply, cancellationToken);
            reply = reply with
            {
                Text = reply.Text + "\n\n" + pipeline.Say(new ChatNotice.FeedbackOnCardLimited(TeamsAnswerers.MaxUserSpecificViews, kept)),
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
            return TeamsInvokeResult.Error(400, pipeline.Say(new ChatNotice.NotOurCard()));
        var channel = TeamsActivities.ChannelOf(activity);
        var user = TeamsChatUsers.UserOf(activity, isOwner: false);
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
            ? TeamsInvokeResult.Error(400, pipeline.Say(new ChatNotice.QuestionNotHere()))
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

    // A post view has nothing to show (null) when the post is not this conversation's.
    private async Task<OutgoingMessage?> ViewAsync(PostView request, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync(request, cancellationToken);
        return outcome.Later is { } later ? await later : outcome.Reply;
    }
}
