using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Where conversation references live between an install and a proactive post.</summary>
internal interface ITeamsConversationStore
{
    Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken);

    Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken);

    Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>Forgets every channel of the channel's team: the app was removed from the team.</summary>
    Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>The app is back in the team: the other channels its removal paused get the reference
    /// <paramref name="referenceFor"/> their id again.</summary>
    Task RestoreGroupAsync(ChannelRef channel, Func<string, TeamsConversationReference> referenceFor, CancellationToken cancellationToken);
}
