using Cl37.Bot.Chat;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Shared by the platforms of several replicas: the first question card any of them posts
/// never completes (the replica dies at posting time); every later post goes through.</summary>
public sealed class HangOnce
{
    private int _taken;

    public TaskCompletionSource<IChatPlatform> Hung { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

    private sealed class Platform(IChatPlatform inner, HangOnce gate) : IChatPlatform
    {
        public string Name => inner.Name;

        public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (message.Card is QuestionCard && Interlocked.Exchange(ref gate._taken, 1) == 0)
            {
                gate.Hung.TrySetResult(this);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await inner.PostAsync(channel, message, cancellationToken);
        }

        public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken) =>
            inner.UpdateAsync(channel, messageId, message, cancellationToken);
    }
}
