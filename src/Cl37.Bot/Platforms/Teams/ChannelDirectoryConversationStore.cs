using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Conversation references kept as JSON in the channel directory's platform data, so
/// proactive posts survive restarts and every replica can reach every installed conversation.</summary>
internal sealed class ChannelDirectoryConversationStore(ChannelDirectory directory) : ITeamsConversationStore
{
    public Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken) =>
        directory.RegisterAsync(channel, JsonSerializer.Serialize(reference, TeamsJsonContext.Default.TeamsConversationReference), cancellationToken);

    public async Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var json = await directory.GetPlatformDataAsync(channel, cancellationToken);
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
        directory.UnregisterAsync(channel, cancellationToken);
}
