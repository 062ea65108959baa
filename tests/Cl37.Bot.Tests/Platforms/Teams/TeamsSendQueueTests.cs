using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsSendQueueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private TeamsSendQueue Queue() => new(_time, new TeamsMetrics(TeamsTestKit.MeterFactory));

    [Fact]
    public async Task WaitTurnAsync_EighthSendWithinOneSecond_WaitsForTheWindow()
    {
        var queue = Queue();
        for (var i = 0; i < 7; i++)
            Assert.True(queue.WaitTurnAsync("19:a@thread.tacv2", default).IsCompletedSuccessfully);

        var eighth = queue.WaitTurnAsync("19:a@thread.tacv2", default);
        Assert.False(eighth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitTurnAsync_OtherConversation_IsNotHeldUp()
    {
        var queue = Queue();
        for (var i = 0; i < 7; i++)
            await queue.WaitTurnAsync("19:a@thread.tacv2", default);
        Assert.False(queue.WaitTurnAsync("19:a@thread.tacv2", default).IsCompleted);
        for (var i = 0; i < 7; i++)
            Assert.True(queue.WaitTurnAsync("a:1personal", default).IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitTurnAsync_RepliesInOneChannelThread_ShareTheChannelsLimit()
    {
        var queue = Queue();
        for (var i = 0; i < 7; i++)
            Assert.True(queue.WaitTurnAsync($"19:a@thread.tacv2;messageid={i}", default).IsCompletedSuccessfully);
        Assert.False(queue.WaitTurnAsync("19:a@thread.tacv2;messageid=99", default).IsCompleted);
    }

    [Fact]
    public async Task WaitTurnAsync_ManySends_NeverExceedsAnyTeamsLimit()
    {
        var queue = Queue();
        var start = _time.GetUtcNow();
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 130; i++)
        {
            var turn = queue.WaitTurnAsync("19:busy@thread.tacv2", default);
            for (var steps = 0; !turn.IsCompleted; steps++)
            {
                Assert.True(steps < 10_000, "the queue never let the send through");
                _time.Advance(TimeSpan.FromMilliseconds(50));
                await Task.WhenAny(turn, Task.Delay(1));
            }
            await turn;
            sent.Add(_time.GetUtcNow());
        }

        foreach (var (window, limit) in TeamsSendQueue.Limits)
        {
            for (var i = 0; i < sent.Count; i++)
                Assert.True(sent.Count(s => s >= sent[i] && s - sent[i] < window) <= limit, $"more than {limit} sends within {window}");
        }
        // 60 per 30 s: the 61st send cannot leave before the first one is 30 s old, the 121st not before 60 s.
        Assert.True(sent[60] - start >= TimeSpan.FromSeconds(30));
        Assert.True(sent[120] - start >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task WaitTurnAsync_Cancelled_ThrowsAndFreesTheLane()
    {
        var queue = Queue();
        for (var i = 0; i < 7; i++)
            await queue.WaitTurnAsync("c", default);
        using var cts = new CancellationTokenSource();
        var waiting = queue.WaitTurnAsync("c", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(TimeSpan.FromSeconds(1));
        await queue.WaitTurnAsync("c", default).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitTurnAsync_ManyOneOffPersonalChats_QuietLanesAreForgotten()
    {
        var queue = Queue();
        for (var person = 0; person < 2_000; person++)
            await queue.WaitTurnAsync($"a:personal-{person}", default);
        Assert.True(queue.LaneCount >= 2_000 - 1);

        _time.Advance(TimeSpan.FromSeconds(31));
        await queue.WaitTurnAsync("a:personal-new", default);

        Assert.Equal(1, queue.LaneCount);
    }

    [Fact]
    public async Task WaitTurnAsync_BusyThreadGoesQuiet_IsKeptForTheHour()
    {
        var queue = Queue();
        var busy = "19:busy@thread.tacv2";
        for (var i = 0; i < 60; i++)
        {
            await queue.WaitTurnAsync(busy, default);
            _time.Advance(TimeSpan.FromMilliseconds(400));
        }
        _time.Advance(TimeSpan.FromSeconds(31));
        await queue.WaitTurnAsync("a:personal", default);
        _time.Advance(TimeSpan.FromSeconds(31));
        await queue.WaitTurnAsync("a:personal-2", default);

        Assert.Equal(2, queue.LaneCount);
        // Its 60 sends are still counted: the 1-second and 2-second windows are clear, so it may send again.
        Assert.True(queue.WaitTurnAsync(busy, default).IsCompletedSuccessfully);
    }
}
