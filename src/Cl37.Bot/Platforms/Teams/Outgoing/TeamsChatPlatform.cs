using System.Collections.Concurrent;
using System.Net;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The chat port for Teams: posts and updates go proactively to the conversation stored
/// when the app was installed (or last spoken to). In a channel, a question's reveal is posted in
/// the question's thread.</summary>
internal sealed class TeamsChatPlatform(
    IServiceScopeFactory scopes,
    TeamsConnectorClient connector,
    TeamsAnswerers answerers,
    TeamsReferenceCache references) : IChatPlatform
{
    private const int MaxQuestions = 5_000;
    private readonly ConcurrentDictionary<long, string> _questionMessages = new();

    public string Name => TeamsActivities.Platform;

    public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(channel, cancellationToken);
        var conversationId = reference.ConversationId!;
        // A channel thread is the conversation "<channel id>;messageid=<root post id>" (Bot
        // Framework's Teams conversation ids); posting there replies under the question.
        if (message.Card is RevealCard reveal && IsChannel(reference) && _questionMessages.TryGetValue(reveal.PostId, out var questionId))
            conversationId = $"{conversationId};messageid={questionId}";
        var activity = TeamsActivities.Message(message, reference.BotId, reference.BotName, conversationId, PersonalViews(message));
        var id = await ForgettingGoneAsync(channel, () => connector.SendAsync(reference.ServiceUrl!, conversationId, activity, cancellationToken));
        Remember(message, id);
        return id;
    }

    public async Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The question is closed (updated) just before its reveal, so this also holds across restarts.
        Remember(message, messageId);
        var reference = await ReferenceAsync(channel, cancellationToken);
        var activity = TeamsActivities.Message(message, reference.BotId, reference.BotName, reference.ConversationId!, PersonalViews(message));
        await ForgettingGoneAsync(channel, async () =>
        {
            await connector.UpdateAsync(reference.ServiceUrl!, reference.ConversationId!, messageId, activity, cancellationToken);
            return messageId;
        });
    }

    // Every copy of a question carries its answerers, so the tally update does not take their
    // feedback away (the PUT replaces the card for everyone else).
    private IReadOnlyList<string>? PersonalViews(OutgoingMessage message) =>
        message.Card is QuestionCard q ? answerers.Of(q.PostId) : null;

    private void Remember(OutgoingMessage message, string messageId)
    {
        if (message.Card is not QuestionCard q)
            return;
        if (_questionMessages.Count >= MaxQuestions)
            _questionMessages.Clear();
        _questionMessages[q.PostId] = messageId;
    }

    private static bool IsChannel(Wire.TeamsConversationReference reference) =>
        string.Equals(reference.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) || reference.ChannelId is { Length: > 0 };

    // Another replica may have seen the app removed or the conversation moved: when the connector
    // says the conversation is gone or closed to the bot, the next post reads the store again.
    private async Task<string> ForgettingGoneAsync(ChannelRef channel, Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (TeamsConnectorException ex) when (ex.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            references.Forget(channel);
            throw;
        }
    }

    private async Task<Wire.TeamsConversationReference> ReferenceAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        if (references.TryGet(channel, out var known))
            return known;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITeamsConversationStore>();
        var reference = await store.FindAsync(channel, cancellationToken);
        if (reference?.ServiceUrl is null || reference.ConversationId is null)
            throw new InvalidOperationException($"The Teams app is not installed in conversation {channel.ChannelId} (no stored conversation reference).");
        references.Remember(channel, reference);
        return reference;
    }
}
