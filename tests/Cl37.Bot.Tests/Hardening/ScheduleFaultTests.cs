using Cl37.Bot.Chat;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>The daily post under a clock that jumps backwards (an NTP correction; FakeTimeProvider only
/// moves forward) and under a platform that refuses every post for an hour.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class ScheduleFaultTests : IAsyncLifetime
{
    // Monday 23 Nov 2026, 09:00 in Berlin is 08:00 UTC.
    private static readonly DateTimeOffset PostTime = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly QuizApp _app = new(TestDeck.OneQuestion(), start: PostTime.AddHours(-1));
    private readonly JumpingClock _clock = new(PostTime.AddHours(-1));
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        }));
        var reply = await Get<InboundPipeline>().Driver().DispatchTextAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri window:2",
            QuizApp.Channel(), QuizApp.User("admin", admin: true), CancellationToken.None);
        Assert.Contains("09:00", reply.Text);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    [Fact]
    public async Task Schedule_ClockJumpsBackAndForthAroundPostingTime_PostsOnceForTheDay()
    {
        int[] secondsFromPostTime = [-90, -1, 0, 1, -300, -1, 0, 30, -600, 120, -5, 0, 600, -60, 900, 3700];

        foreach (var offset in secondsFromPostTime)
        {
            _clock.Now = PostTime.AddSeconds(offset);
            await FireEverythingAsync();
        }

        Assert.Single(_app.Platform.Cards<QuestionCard>());
        await using var db = _app.Db();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.PracticePersonId == null);
        Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
        Assert.NotNull(post.MessageId);
    }

    [Fact]
    public async Task Schedule_PlatformRefusesEveryPostForAnHour_RetriedAndPostedOnceThenAnswersCount()
    {
        _app.Platform.FailNextPosts = int.MaxValue;

        for (var minute = 0; minute <= 60; minute++)
        {
            _clock.Now = PostTime.AddMinutes(minute);
            if (minute == 45)
            {
                Assert.True(int.MaxValue - _app.Platform.FailNextPosts >= 2, "the post was not tried and retried while the platform was down");
                Assert.Empty(_app.Platform.Posts);
                _app.Platform.FailNextPosts = 0;
            }
            await FireEverythingAsync();
        }

        var card = Assert.Single(_app.Platform.Cards<QuestionCard>());
        var reply = await Get<InboundPipeline>().Driver().AnswerAsync(new AnswerAction(QuizApp.Channel(), QuizApp.User("late"), card.PostId, ["B"]), CancellationToken.None);
        Assert.Contains("Answer recorded", reply.Text);
        await using var db = _app.Db();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.PracticePersonId == null);
        Assert.NotNull(post.MessageId);
        Assert.Single(await db.Answers.ToListAsync());
    }

    /// <summary>What Quartz would run at this instant: the channel's daily trigger and the sweep.</summary>
    private async Task FireEverythingAsync()
    {
        var runner = Get<DailyQuestionRunner>();
        await using (var db = _app.Db())
        {
            foreach (var channelId in await db.Channels.Select(c => c.Id).ToListAsync())
                await runner.PostIfDueAsync(channelId, CancellationToken.None);
        }
        await runner.CatchUpAsync(CancellationToken.None);
        await runner.SweepAsync(CancellationToken.None);
    }

    private sealed class JumpingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
