using Cl37.Bot.Chat;

namespace Cl37.Bot.Quiz;

/// <summary>Records answers exactly once, grades them and replies privately.</summary>
public sealed class AnswerService
{
    public Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken) =>
        Task.FromResult(OutgoingMessage.PrivateText($"Answers are not wired yet (post {action.PostId})."));
}
