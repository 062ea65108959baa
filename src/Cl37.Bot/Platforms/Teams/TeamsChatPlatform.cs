using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The chat port for Teams: posts and updates go proactively to the conversation stored
/// when the app was installed (or last spoken to).</summary>
internal sealed class TeamsChatPlatform(IServiceScopeFactory scopes, TeamsConnectorClient connector, TeamsAnswerers answerers) : IChatPlatform
{
    public string Name => TeamsActivities.Platform;

    public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(channel, cancellationToken);
        var activity = TeamsActivities.Message(message, reference.BotId, reference.BotName, reference.ConversationId!, PersonalViews(message));
        return await connector.SendAsync(reference.ServiceUrl!, reference.ConversationId!, activity, cancellationToken);
    }

    public async Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(channel, cancellationToken);
        var activity = TeamsActivities.Message(message, reference.BotId, reference.BotName, reference.ConversationId!, PersonalViews(message));
        await connector.UpdateAsync(reference.ServiceUrl!, reference.ConversationId!, messageId, activity, cancellationToken);
    }

    // Every copy of a question carries its answerers, so the tally update does not take their
    // feedback away (the PUT replaces the card for everyone else).
    private IReadOnlyList<string>? PersonalViews(OutgoingMessage message) =>
        message.Card is QuestionCard q ? answerers.Of(q.PostId) : null;

    private async Task<Wire.TeamsConversationReference> ReferenceAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITeamsConversationStore>();
        var reference = await store.FindAsync(channel, cancellationToken);
        if (reference?.ServiceUrl is null || reference.ConversationId is null)
            throw new InvalidOperationException($"The Teams app is not installed in conversation {channel.ChannelId} (no stored conversation reference).");
        return reference;
    }
}
