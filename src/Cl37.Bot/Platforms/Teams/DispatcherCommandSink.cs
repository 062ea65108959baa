using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams;

internal sealed class DispatcherCommandSink(CommandDispatcher dispatcher) : ITeamsCommandSink
{
    public Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken) =>
        dispatcher.DispatchTextAsync(text, channel, user, cancellationToken);

    public Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken) =>
        dispatcher.AnswerAsync(action, cancellationToken);
}
