using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Keeps the store of conversations the bot may post to in step with installs, removals
/// and the conversations people write from.</summary>
internal sealed class TeamsInstalls(ITeamsConversationStore store, TeamsReferenceCache savedReferences, ILogger logger)
{
    // Teams announces installing and removing the app in a team once, on the team's General
    // channel, but the app comes and goes in every channel of the team at once.
    public async Task AddedAsync(Activity activity, CancellationToken cancellationToken)
    {
        await RememberAsync(activity, cancellationToken);
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } || activity.ServiceUrl is null || activity.Conversation?.Id is null)
            return;
        var installed = TeamsActivities.ReferenceOf(activity);
        // Bot Framework: a team channel's conversation id is the channel id, and posting to it starts a new thread there.
        await store.RestoreGroupAsync(TeamsActivities.ChannelOf(activity),
            id => installed with { ConversationId = id, ChannelId = id, ConversationType = "channel" }, cancellationToken);
    }

    public async Task RemovedAsync(Activity activity, CancellationToken cancellationToken)
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

    /// <summary>Stores the activity's conversation reference unless it is stored already.</summary>
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
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

    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is null)
            return;
        var channel = TeamsActivities.ChannelOf(activity);
        await store.RemoveAsync(channel, cancellationToken);
        savedReferences.Forget(channel);
        logger.LogInformation("Removed the Teams conversation {Conversation}", channel.ChannelId);
    }
}
