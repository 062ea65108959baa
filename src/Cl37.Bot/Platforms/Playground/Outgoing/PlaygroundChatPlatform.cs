using System.Text.Json;
using System.Threading.Channels;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Rendering;
using Cl37.Bot.Platforms.Playground.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Outgoing;

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
            state.Changed();
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
            state.Changed();
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

    /// <summary>The channel's kept messages as the JSON of <c>/playground/api/messages</c>, built once per change.</summary>
    public byte[] HistoryJson(ChannelRef channel)
    {
        lock (_gate)
        {
            var state = State(channel);
            return state.HistoryJson ??= JsonSerializer.SerializeToUtf8Bytes(
                new HistoryDto(channel.ChannelId, [.. state.Messages.Select(PlaygroundMessageMapper.ToDto)]), PlaygroundJsonContext.Default.HistoryDto);
        }
    }

    /// <summary>Starts listening to a channel. The first item is the snapshot (<c>reset</c>); then
    /// every <c>post</c> and <c>update</c>, in order, until the token ends or the listener falls too
    /// far behind (then the stream ends, its queue is dropped and the browser reconnects).</summary>
    public async IAsyncEnumerable<PlaygroundFrame> ListenAsync(ChannelRef channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<PlaygroundFrame>(new BoundedChannelOptions(options.Value.MaxQueuedEvents)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        PlaygroundFrame first;
        ChannelState state;
        lock (_gate)
        {
            state = State(channel);
            first = Snapshot(channel, state);
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
            queue.Writer.TryComplete();
            // Whatever was queued for a stream that is gone goes now, not when the enumerator is collected.
            while (queue.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <summary>How many tabs listen to a channel now.</summary>
    public int ListenerCount(ChannelRef channel)
    {
        lock (_gate)
            return State(channel).Listeners.Count;
    }

    // The reset event: the newest messages, built once per change and shared by every stream.
    private PlaygroundFrame Snapshot(ChannelRef channel, ChannelState state)
    {
        if (state.Snapshot is { } built)
            return built;
        var tail = state.Messages.Skip(Math.Max(0, state.Messages.Count - options.Value.StreamSnapshotMessages));
        var json = JsonSerializer.SerializeToUtf8Bytes(new HistoryDto(channel.ChannelId, [.. tail.Select(PlaygroundMessageMapper.ToDto)]), PlaygroundJsonContext.Default.HistoryDto);
        state.Snapshot = PlaygroundFrame.Of("reset", json);
        return state.Snapshot;
    }

    private void Broadcast(ChannelState state, string eventType, PlaygroundMessage message)
    {
        var item = PlaygroundFrame.Of(eventType, JsonSerializer.SerializeToUtf8Bytes(PlaygroundMessageMapper.ToDto(message), PlaygroundJsonContext.Default.MessageDto));
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

        public List<ChannelWriter<PlaygroundFrame>> Listeners { get; } = [];

        public PlaygroundFrame? Snapshot { get; set; }

        public byte[]? HistoryJson { get; set; }

        public void Changed()
        {
            Snapshot = null;
            HistoryJson = null;
        }
    }
}
