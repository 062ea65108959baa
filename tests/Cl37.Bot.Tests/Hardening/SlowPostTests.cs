using System.Collections.Concurrent;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>A platform that takes minutes to answer (Discord's 429 waits, the Bot Connector's
/// Retry-After) while the sweep looks for claimed but unsent posts: the daily question still goes
/// out once, and the question it replaces is revealed.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class SlowPostTests : IAsyncLifetime
{
    // Monday 23 Nov 2026, 09:00 in Berlin is 08:00 UTC.
    private static readonly DateTimeOffset PostTime = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef Channel = new("slow", "group1", "general");
    private readonly QuizApp _app = new(TestDeck.OneQuestion(), start: PostTime.AddMinutes(-5));
    private SlowPlatform _platform = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _platform = new SlowPlatform(_app.Clock);
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IChatPlatform>(_platform)));
        var reply = await Get<InboundPipeline>().Driver().DispatchTextAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri window:2", Channel, QuizApp.User("admin", admin: true), CancellationToken.None);
        Assert.Contains("09:00", reply.Text);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private BotDbContext Db() => Get<IDbContextFactory<BotDbContext>>().CreateDbContext();

    [Fact]
    public async Task DailyPost_SendStuckPastTheResumeLease_GoesOutOnce()
    {
        _platform.NextPostTakes = TimeSpan.FromMinutes(3);
        await PostOnTimeWhileSweepsRunAsync();
    }

    [Fact]
    public async Task DailyPost_RevealOfTheOpenQuestionStuckPastTheLease_PostGoesOutOnceAndRevealOnce()
    {
        var earlier = await Get<InboundPipeline>().Driver().DispatchTextAsync("/quiz now", Channel, QuizApp.User("admin", admin: true), CancellationToken.None);
        Assert.StartsWith("✅", earlier.Text, StringComparison.Ordinal);
        _platform.UpdatesTake = TimeSpan.FromMinutes(3);
        await PostOnTimeWhileSweepsRunAsync();
        Assert.Single(_platform.Delivered, d => d.Card is RevealCard);
    }

    /// <summary>Starts the daily post at its time, lets the sweeps run for five minutes beside it, and
    /// checks that the question went out exactly once and its message id was stored.</summary>
    private async Task PostOnTimeWhileSweepsRunAsync()
    {
        _app.Clock.SetUtcNow(PostTime);

        var onTime = Get<DailyQuestionRunner>().PostIfDueAsync(await ChannelIdAsync(), CancellationToken.None);
        await RunSweepsUntilAsync(PostTime.AddMinutes(5));
        await onTime.WaitAsync(TimeSpan.FromSeconds(10));

        var post = await ScheduledPostAsync();
        var sent = Assert.Single(_platform.Delivered, d => d.Card is QuestionCard q && q.PostId == post.Id);
        Assert.Equal(sent.Id, post.MessageId);
    }

    /// <summary>Moves the clock a second at a time and sweeps every 30 s, as Quartz would.</summary>
    private async Task RunSweepsUntilAsync(DateTimeOffset until)
    {
        var runner = Get<DailyQuestionRunner>();
        while (_app.Clock.GetUtcNow() < until)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
            if (_app.Clock.GetUtcNow().Second % 30 == 0)
                await runner.SweepAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private async Task<long> ChannelIdAsync()
    {
        await using var db = Db();
        return await db.Channels.Where(c => c.ExternalId == Channel.ChannelId).Select(c => c.Id).SingleAsync();
    }

    private async Task<QuestionPost> ScheduledPostAsync()
    {
        await using var db = Db();
        return await db.Posts.AsNoTracking().SingleAsync(p => p.ScheduledDate != null);
    }

    /// <summary>Answers after a wait on the app's clock, giving up when cancelled (as the Discord rate
    /// limiter and the Bot Connector's backoff do).</summary>
    private sealed class SlowPlatform(TimeProvider time) : IChatPlatform
    {
        private int _next;

        public string Name => "slow";

        /// <summary>How long the next post takes; later ones answer at once.</summary>
        public TimeSpan NextPostTakes { get; set; }

        public TimeSpan UpdatesTake { get; set; }

        public ConcurrentQueue<(string Id, ChatCard? Card)> Delivered { get; } = new();

        public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
        {
            var wait = NextPostTakes;
            NextPostTakes = TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, cancellationToken);
            var id = "slow-" + Interlocked.Increment(ref _next);
            Delivered.Enqueue((id, message.Card));
            return id;
        }

        public async Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (UpdatesTake > TimeSpan.Zero)
                await Task.Delay(UpdatesTake, time, cancellationToken);
        }
    }
}
