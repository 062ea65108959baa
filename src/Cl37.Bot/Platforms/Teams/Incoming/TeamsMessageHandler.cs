using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>A message activity: a typed command, or a card answer sent with Action.Submit.</summary>
internal sealed class TeamsMessageHandler(InboundPipeline pipeline, TeamsReplies replies, TeamsRoster roster, CommandCatalog catalog, TeamsFileDownloads files)
{
    /// <summary>What a file sent alone in the 1:1 chat means: a deck to add.</summary>
    public const string FileOnlyCommand = "quiz deck add";

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = TeamsActivities.ChannelOf(activity);
        if (activity.Value is { ValueKind: JsonValueKind.Object } data)
        {
            // Action.Submit (the fallback for clients without Universal Actions) arrives as a message.
            var answer = CardAnswer.TryRead(data, out var error);
            var feedback = answer is null
                ? OutgoingMessage.PrivateText(pipeline.Say(error ?? new ChatNotice.NotOurCard()))
                : await RunAsync(new AnswerAction(channel, TeamsChatUsers.UserOf(activity, isOwner: false), answer.PostId, answer.Values, activity.Id), cancellationToken);
            await replies.SendPrivatelyAsync(activity, feedback, cancellationToken);
            return;
        }
        var text = TeamsMessageText.CommandText(activity);
        // With ChannelMessage.Read.Group Teams delivers every channel message: one that does not
        // mention the bot is a command only when it reads as one; the rest is people talking.
        if (!TeamsActivities.IsPersonal(activity) && !TeamsMessageText.MentionsBot(activity)
            && CommandTextParser.Parse(catalog, text, channel, TeamsChatUsers.UserOf(activity, isOwner: false)).Command is null)
            return;
        var personal = TeamsActivities.IsPersonal(activity);
        // Bots receive files only in the 1:1 chat (Teams bot file APIs: personal scope only).
        var attached = personal ? files.FilesOf(activity) : [];
        if (text.Length == 0)
            text = attached.Count > 0 ? FileOnlyCommand : "help";
        var user = TeamsChatUsers.UserOf(activity, await IsOwnerAsync(activity, cancellationToken));
        var reply = await RunAsync(new TypedCommand(channel, user, text) { Files = attached, PrivateChat = personal }, cancellationToken);
        // Teams has no ephemeral messages: a private reply (a confirmation such as "✅ Posted", help,
        // stats, a refusal) to a command typed in a channel or group chat goes to the person's 1:1
        // chat with the bot, so the channel holds only the quiz. Without that chat it stays in the
        // command's own thread.
        if (reply.Private && !TeamsActivities.IsPersonal(activity) && await replies.TrySendPersonallyAsync(activity, reply, cancellationToken))
            return;
        await replies.ReplyAsync(activity, reply, cancellationToken);
    }

    private async Task<OutgoingMessage> RunAsync(Inbound request, CancellationToken cancellationToken) =>
        await pipeline.ReplyOfAsync(await pipeline.RunAsync(request, cancellationToken));

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
}
