using Cl37.Bot.Data;
using Cl37.Bot.Posts;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Resending claimed posts that have no message id: never while the claimer may still be
/// sending, and once only when several sweeps (or replicas) try at the same moment.</summary>
public sealed class ResumeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly string _db = ScheduledApp.NewDatabasePath();
    private ScheduledApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new ScheduledApp(_db, Start, quartz: false);
        await _app.SetAsync("09:00 Europe/Berlin mon-fri");
        await using var db = _app.App.Db();
        var channel = await db.Channels.SingleAsync();
        db.Posts.Add(new QuestionPost
        {
            ChannelId = channel.Id,
            GroupId = channel.GroupId,
            QuestionId = _app.App.Get<Content.DeckLibrary>().QuestionsOf(null)[0].Id,
            PostedUtc = Start.UtcDateTime,
            ClosesUtc = Start.UtcDateTime.AddHours(5),
            ScheduledDate = new DateOnly(2026, 11, 23),
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        ScheduledApp.DeleteDatabase(_db);
    }

    [Fact]
    public async Task ResumeUnsent_ClaimStillFresh_LeavesItToItsPoster()
    {
        _app.App.Clock.Advance(QuestionPoster.ResumeAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _app.App.Get<QuestionPoster>().ResumeUnsentAsync(CancellationToken.None));
        Assert.Equal(0, _app.QuestionCards());
    }

    [Fact]
    public async Task ResumeUnsent_ManySweepsAtOnce_SendsOnce()
    {
        _app.App.Clock.Advance(QuestionPoster.ResumeAfter);
        var poster = _app.App.Get<QuestionPoster>();
        var sent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => poster.ResumeUnsentAsync(CancellationToken.None))));

        Assert.Equal(1, sent.Sum());
        Assert.Equal(1, _app.QuestionCards());
        Assert.NotNull(Assert.Single(await _app.PostsAsync()).MessageId);
        Assert.Equal(0, await poster.ResumeUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ResumeUnsent_PlatformDown_RetriesAfterTheLeaseUntilItGoesOut()
    {
        var poster = _app.App.Get<QuestionPoster>();
        _app.App.Platform.FailNextPosts = 1;
        _app.App.Clock.Advance(QuestionPoster.ResumeAfter);
        Assert.Equal(0, await poster.ResumeUnsentAsync(CancellationToken.None));
        Assert.Equal(0, await poster.ResumeUnsentAsync(CancellationToken.None));
        _app.App.Clock.Advance(QuestionPoster.ResumeAfter);
        Assert.Equal(1, await poster.ResumeUnsentAsync(CancellationToken.None));
        Assert.Equal(1, _app.QuestionCards());
    }
}
