using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundChatPlatformTests
{
    private static readonly ChannelRef General = new("playground", "local", "general");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private PlaygroundChatPlatform Platform(int historyLimit = 10, int maxQueued = 16) =>
        new(Options.Create(new PlaygroundOptions { HistoryLimit = historyLimit, MaxQueuedEvents = maxQueued }), _clock, NullLogger<PlaygroundChatPlatform>.Instance);

    [Fact]
    public async Task PostAsync_MoreThanTheLimit_KeepsTheNewest()
    {
        var platform = Platform(historyLimit: 10);

        for (var i = 1; i <= 15; i++)
            await platform.PostAsync(General, OutgoingMessage.PublicText("m" + i), CancellationToken.None);

        var history = platform.History(General);
        Assert.Equal(10, history.Count);
        Assert.Equal("m6", history[0].Message.Text);
        Assert.Equal("m15", history[^1].Message.Text);
        Assert.Equal(_clock.GetUtcNow(), history[0].Time);
    }

    [Fact]
    public async Task PostAsync_PrivateMessage_StoredAsPublic()
    {
        var platform = Platform();

        await platform.PostAsync(General, OutgoingMessage.PrivateText("x"), CancellationToken.None);

        Assert.False(platform.History(General).Single().Message.Private);
    }

    [Fact]
    public async Task UpdateAsync_KnownAndUnknownIds_ReplacesKnownIgnoresUnknown()
    {
        var platform = Platform();
        var id = await platform.PostAsync(General, OutgoingMessage.PublicText("0 answered"), CancellationToken.None);

        await platform.UpdateAsync(General, id, OutgoingMessage.PublicText("3 answered"), CancellationToken.None);
        await platform.UpdateAsync(General, "999", OutgoingMessage.PublicText("lost"), CancellationToken.None);
        await platform.UpdateAsync(General with { ChannelId = "other" }, id, OutgoingMessage.PublicText("wrong channel"), CancellationToken.None);

        var kept = Assert.Single(platform.History(General));
        Assert.Equal("3 answered", kept.Message.Text);
        Assert.Equal(2, kept.Version);
    }

    [Fact]
    public async Task ListenAsync_ResetThenPostsAndUpdatesInOrder_OtherChannelsNotIncluded()
    {
        var platform = Platform();
        await platform.PostAsync(General, OutgoingMessage.PublicText("before"), CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = platform.ListenAsync(General, cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("reset", stream.Current.EventType);
        Assert.StartsWith("event: reset\ndata: {", System.Text.Encoding.UTF8.GetString(stream.Current.Bytes));
        Assert.Equal("before", JsonDocument.Parse(stream.Current.Data).RootElement.GetProperty("messages")[0].GetProperty("text").GetString());

        await platform.PostAsync(General with { ChannelId = "other" }, OutgoingMessage.PublicText("elsewhere"), CancellationToken.None);
        var id = await platform.PostAsync(General, OutgoingMessage.PublicText("new"), CancellationToken.None);
        await platform.UpdateAsync(General, id, OutgoingMessage.PublicText("edited"), CancellationToken.None);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(("post", "new"), Event(stream.Current));
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(("update", "edited"), Event(stream.Current));
        Assert.Equal(1, platform.ListenerCount(General));
    }

    [Fact]
    public async Task ListenAsync_ListenerFallsBehind_StreamEndsAndListenerRemoved()
    {
        var platform = Platform(maxQueued: 16);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = platform.ListenAsync(General, cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await stream.MoveNextAsync());

        for (var i = 0; i < 17; i++)
            await platform.PostAsync(General, OutgoingMessage.PublicText("m" + i), CancellationToken.None);

        var received = 0;
        while (await stream.MoveNextAsync())
            received++;
        Assert.Equal(16, received);
        Assert.Equal(0, platform.ListenerCount(General));
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task ListenAsync_Cancelled_EndsQuietlyAndUnsubscribes()
    {
        var platform = Platform();
        using var cts = new CancellationTokenSource();
        var stream = platform.ListenAsync(General, cts.Token).GetAsyncEnumerator(CancellationToken.None);
        Assert.True(await stream.MoveNextAsync());

        var waiting = stream.MoveNextAsync();
        await cts.CancelAsync();

        Assert.False(await waiting);
        await stream.DisposeAsync();
        Assert.Equal(0, platform.ListenerCount(General));
    }

    [Fact]
    public async Task ListenAsync_SeveralStreamsBetweenChanges_ShareOneSnapshotBuiltPerChange()
    {
        var platform = Platform();
        await platform.PostAsync(General, OutgoingMessage.PublicText("one"), CancellationToken.None);

        var first = await FirstAsync(platform);
        var second = await FirstAsync(platform);
        await platform.PostAsync(General, OutgoingMessage.PublicText("two"), CancellationToken.None);
        var third = await FirstAsync(platform);
        var fourth = await FirstAsync(platform);

        Assert.Same(first, second);
        Assert.NotSame(second, third);
        Assert.Same(third, fourth);
        Assert.Equal(2, JsonDocument.Parse(third.Data).RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task ListenAsync_LongHistory_SnapshotIsTheNewestTail()
    {
        var platform = new PlaygroundChatPlatform(
            Options.Create(new PlaygroundOptions { HistoryLimit = 50, StreamSnapshotMessages = 5 }), _clock, NullLogger<PlaygroundChatPlatform>.Instance);
        for (var i = 1; i <= 30; i++)
            await platform.PostAsync(General, OutgoingMessage.PublicText("m" + i), CancellationToken.None);

        var messages = JsonDocument.Parse((await FirstAsync(platform)).Data).RootElement.GetProperty("messages");

        Assert.Equal(["m26", "m27", "m28", "m29", "m30"], messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(30, platform.History(General).Count);
    }

    private static async Task<PlaygroundFrame> FirstAsync(PlaygroundChatPlatform platform)
    {
        await using var stream = platform.ListenAsync(General, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());
        return stream.Current;
    }

    private static (string Type, string? Text) Event(PlaygroundFrame item) =>
        (item.EventType, JsonDocument.Parse(item.Data).RootElement.GetProperty("text").GetString());
}
