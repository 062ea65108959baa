using System.Buffers;
using System.IO.Pipelines;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundStreamResultTests
{
    private static readonly ChannelRef General = new("playground", "local", "general");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ExecuteAsync_TabNeverReads_CutAfterTheWriteTimeoutQueueDroppedSlotFreed()
    {
        var platform = new PlaygroundChatPlatform(Options.Create(new PlaygroundOptions { MaxQueuedEvents = 16 }), _clock, NullLogger<PlaygroundChatPlatform>.Instance);
        await platform.PostAsync(General, OutgoingMessage.PublicText("before"), CancellationToken.None);
        var (context, body, lifetime) = TabThatNeverReads();
        var slot = new Slot();
        var result = new PlaygroundStreamResult(platform.ListenAsync(General, context.RequestAborted), slot, TimeSpan.FromSeconds(10), _clock, NullLogger.Instance);

        var running = result.ExecuteAsync(context);
        await body.FlushWaiting.Task.WaitAsync(Bound);
        for (var i = 0; i < 3; i++)
            await platform.PostAsync(General, OutgoingMessage.PublicText("while stuck " + i), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(9));
        var abortedEarly = lifetime.Aborted;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await running.WaitAsync(Bound);

        Assert.False(abortedEarly);
        Assert.True(lifetime.Aborted);
        Assert.Equal(0, platform.ListenerCount(General));
        Assert.True(slot.Disposed);
        Assert.Equal("text/event-stream", context.Response.ContentType);
        Assert.StartsWith("event: reset\n", System.Text.Encoding.UTF8.GetString(body.Written));
    }

    [Fact]
    public async Task ExecuteAsync_TabCloses_EndsWithoutAbortAndFreesSlot()
    {
        var platform = new PlaygroundChatPlatform(Options.Create(new PlaygroundOptions()), _clock, NullLogger<PlaygroundChatPlatform>.Instance);
        var (context, body, lifetime) = TabThatNeverReads();
        var slot = new Slot();
        var result = new PlaygroundStreamResult(platform.ListenAsync(General, context.RequestAborted), slot, TimeSpan.FromSeconds(10), _clock, NullLogger.Instance);

        var running = result.ExecuteAsync(context);
        await body.FlushWaiting.Task.WaitAsync(Bound);
        lifetime.Close();
        await running.WaitAsync(Bound);

        Assert.False(lifetime.Aborted);
        Assert.True(slot.Disposed);
        Assert.Equal(0, platform.ListenerCount(General));
    }

    private static (HttpContext Context, NeverReadBody Body, TabLifetime Lifetime) TabThatNeverReads()
    {
        var context = new DefaultHttpContext();
        var body = new NeverReadBody();
        var lifetime = new TabLifetime();
        context.Features.Set<IHttpResponseBodyFeature>(body);
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        return (context, body, lifetime);
    }

    private sealed class Slot : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class TabLifetime : IHttpRequestLifetimeFeature
    {
        private readonly CancellationTokenSource _closed = new();

        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted
        {
            get => _closed.Token;
            set => throw new NotSupportedException();
        }

        public void Abort()
        {
            Aborted = true;
            _closed.Cancel();
        }

        public void Close() => _closed.Cancel();
    }

    /// <summary>A response body whose client never reads: every flush waits until it is cancelled.</summary>
    private sealed class NeverReadBody : PipeWriter, IHttpResponseBodyFeature
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public TaskCompletionSource FlushWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[] Written => _buffer.WrittenSpan.ToArray();

        public Stream Stream => throw new NotSupportedException();

        public PipeWriter Writer => this;

        public override void Advance(int bytes) => _buffer.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            FlushWaiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return default;
        }

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }
}
