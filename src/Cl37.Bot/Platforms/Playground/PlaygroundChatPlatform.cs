using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>The playground as a chat platform: each channel keeps a bounded history in memory, and
/// every open browser tab of the channel receives posts and updates as server-sent events.</summary>
internal sealed class PlaygroundChatPlatform(IOptions<PlaygroundOptions> options, TimeProvider time, ILogger<PlaygroundChatPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "playground";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private long _lastId;

    public string Name => PlatformName;

    public Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Post(channel, message, null));

    /// <summary>Posts a public message, remembering who caused it.</summary>
    public string Post(ChannelRef channel, OutgoingMessage message, InvocationDto? invokedBy)
    {
        // The port posts public messages only; a private flag here would leak to the whole channel, so it is dropped.
        var stored = message.Private ? message with { Private = false } : message;
        lock (_gate)
        {
            var state = State(channel);
            var id = (++_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var kept = new PlaygroundMessage(id, 1, time.GetUtcNow(), stored, invokedBy);
            state.Messages.Add(kept);
            if (state.Messages.Count > options.Value.HistoryLimit)
                state.Messages.RemoveRange(0, state.Messages.Count - options.Value.HistoryLimit);
            Broadcast(state, "post", kept);
            return id;
        }
    }

    public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(channel);
            var index = state.Messages.FindIndex(m => m.Id == messageId);
            if (index < 0)
            {
                // Old messages drop out of the bounded history; an edit of one has nothing left to change.
                logger.LogDebug("Playground message {MessageId} in {Channel} is no longer kept; update dropped", messageId, channel.ChannelId);
                return Task.CompletedTask;
            }
            var old = state.Messages[index];
            var updated = old with { Version = old.Version + 1, Message = message.Private ? message with { Private = false } : message };
            state.Messages[index] = updated;
            Broadcast(state, "update", updated);
        }
        return Task.CompletedTask;
    }

    /// <summary>The channel's kept messages, oldest first.</summary>
    public IReadOnlyList<PlaygroundMessage> History(ChannelRef channel)
    {
        lock (_gate)
            return [.. State(channel).Messages];
    }

    /// <summary>Starts listening to a channel. The first item is the whole history (<c>reset</c>);
    /// then every <c>post</c> and <c>update</c>, in order, until the token ends or the listener
    /// falls too far behind (then the stream ends and the browser reconnects).</summary>
    public async IAsyncEnumerable<SseItem<string>> ListenAsync(ChannelRef channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(options.Value.MaxQueuedEvents)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        SseItem<string> first;
        ChannelState state;
        lock (_gate)
        {
            state = State(channel);
            var history = new HistoryDto(channel.ChannelId, [.. state.Messages.Select(PlaygroundMessageMapper.ToDto)]);
            first = new SseItem<string>(JsonSerializer.Serialize(history, PlaygroundJsonContext.Default.HistoryDto), "reset");
            state.Listeners.Add(queue.Writer);
        }
        try
        {
            yield return first;
            while (true)
            {
                bool more;
                try
                {
                    more = await queue.Reader.WaitToReadAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    more = false;
                }
                if (!more)
                    yield break;
                while (queue.Reader.TryRead(out var item))
                    yield return item;
            }
        }
        finally
        {
            lock (_gate)
                state.Listeners.Remove(queue.Writer);
        }
    }

    /// <summary>How many tabs listen to a channel now.</summary>
    public int ListenerCount(ChannelRef channel)
    {
        lock (_gate)
            return State(channel).Listeners.Count;
    }

    private void Broadcast(ChannelState state, string eventType, PlaygroundMessage message)
    {
        var item = new SseItem<string>(JsonSerializer.Serialize(PlaygroundMessageMapper.ToDto(message), PlaygroundJsonContext.Default.MessageDto), eventType);
        foreach (var listener in state.Listeners.ToArray())
        {
            if (!listener.TryWrite(item))
            {
                // A tab that stopped reading must not hold memory for ever; it reconnects and gets a fresh reset.
                listener.TryComplete();
                state.Listeners.Remove(listener);
            }
        }
    }

    private ChannelState State(ChannelRef channel)
    {
        var key = channel.GroupId + "/" + channel.ChannelId;
        if (!_channels.TryGetValue(key, out var state))
        {
            state = new ChannelState();
            _channels[key] = state;
        }
        return state;
    }

    private sealed class ChannelState
    {
        public List<PlaygroundMessage> Messages { get; } = [];

        public List<ChannelWriter<SseItem<string>>> Listeners { get; } = [];
    }
}
