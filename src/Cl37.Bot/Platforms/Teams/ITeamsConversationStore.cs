using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Where conversation references live between an install and a proactive post.</summary>
internal interface ITeamsConversationStore
{
    Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken);

    Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken);

    Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken);
}
