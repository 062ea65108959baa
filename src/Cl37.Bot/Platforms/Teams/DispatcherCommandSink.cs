using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Platforms.Teams;

internal sealed class DispatcherCommandSink(CommandDispatcher dispatcher, AnswerLookup answers) : ITeamsCommandSink
{
    public Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken) =>
        dispatcher.DispatchTextAsync(text, channel, user, cancellationToken);

    public Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken) =>
        dispatcher.AnswerAsync(action, cancellationToken);

    public Task<OutgoingMessage?> FeedbackAsync(long postId, ChannelRef channel, ChatUser user, CancellationToken cancellationToken) =>
        answers.FeedbackAsync(postId, channel, user.Id, cancellationToken);

    public Task<OutgoingMessage?> QuestionAsync(long postId, ChannelRef channel, CancellationToken cancellationToken) =>
        answers.QuestionAsync(postId, channel, cancellationToken);
}
