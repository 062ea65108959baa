using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The core calls the adapter makes; a seam so routing is tested without the quiz core.</summary>
internal interface ITeamsCommandSink
{
    Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken);

    Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken);

    /// <summary>The person's own view of a post they answered, or null when they have not answered it.</summary>
    Task<OutgoingMessage?> FeedbackAsync(long postId, ChannelRef channel, ChatUser user, CancellationToken cancellationToken);

    /// <summary>The shared view of an open or closed question post, or null when it is not this group's.</summary>
    Task<OutgoingMessage?> QuestionAsync(long postId, ChannelRef channel, CancellationToken cancellationToken);
}
