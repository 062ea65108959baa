using Cl37.Bot.Chat;

namespace Cl37.Bot.Benchmarks;

/// <summary>A platform that accepts everything instantly, so figures measure the bot, not a network.</summary>
internal sealed class NullChatPlatform : IChatPlatform
{
    private long _next;

    public string Name => "bench";

    public Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken) =>
        Task.FromResult("m" + Interlocked.Increment(ref _next));

    public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
