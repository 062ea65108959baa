using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The two dispatcher calls the adapter makes; a seam so routing is tested without the quiz core.</summary>
internal interface ITeamsCommandSink
{
    Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken);

    Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken);
}
