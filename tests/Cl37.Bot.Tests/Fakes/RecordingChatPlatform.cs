using System.Collections.Concurrent;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A chat platform that records every post and update, optionally failing on demand.</summary>
public sealed class RecordingChatPlatform(string name = "test") : IChatPlatform
{
    private int _next;

    public string Name { get; } = name;

    public ConcurrentQueue<(ChannelRef Channel, string Id, OutgoingMessage Message)> Posts { get; } = new();

    public ConcurrentQueue<(ChannelRef Channel, string Id, OutgoingMessage Message)> Updates { get; } = new();

    /// <summary>When set, the next posts throw this many times.</summary>
    public int FailNextPosts { get; set; }

    public Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (FailNextPosts > 0)
        {
            FailNextPosts--;
            throw new HttpRequestException("platform down");
        }
        var id = "m" + Interlocked.Increment(ref _next);
        Posts.Enqueue((channel, id, message));
        return Task.FromResult(id);
    }

    public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Updates.Enqueue((channel, messageId, message));
        return Task.CompletedTask;
    }

    public IEnumerable<T> Cards<T>() where T : ChatCard => Posts.Select(p => p.Message.Card).OfType<T>();
}
