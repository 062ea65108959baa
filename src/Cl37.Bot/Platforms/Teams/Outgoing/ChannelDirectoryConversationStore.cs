using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Conversation references kept as JSON with the channel, so proactive posts survive
/// restarts and every replica can reach every installed conversation.</summary>
internal sealed class ChannelDirectoryConversationStore(IChannelDataStore channels) : ITeamsConversationStore
{
    public Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken) =>
        channels.SaveAsync(channel, JsonSerializer.Serialize(reference, TeamsJsonContext.Default.TeamsConversationReference), cancellationToken);

    public async Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var json = await channels.FindAsync(channel, cancellationToken);
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize(json, TeamsJsonContext.Default.TeamsConversationReference);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        channels.RemoveAsync(channel, cancellationToken);

    public Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        channels.RemoveGroupAsync(channel, cancellationToken);

    public Task RestoreGroupAsync(ChannelRef channel, Func<string, TeamsConversationReference> referenceFor, CancellationToken cancellationToken) =>
        channels.RestoreGroupAsync(channel, id => JsonSerializer.Serialize(referenceFor(id), TeamsJsonContext.Default.TeamsConversationReference), cancellationToken);
}
