using System.Net;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>Interaction ids claimed in the database: a captured request is refused after a restart,
/// and the ids leave once no copy of their request could pass the timestamp check.</summary>
public sealed class DiscordReplayAcrossRestartsTests : IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"cl37-replay-{Guid.NewGuid():N}.db");
    private FakeDiscordServer _fake = null!;
    private SignedDiscord _discord = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _discord = new SignedDiscord(_fake);
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _discord.Dispose();
        SqliteFiles.Delete(_dbPath);
    }

    private QuizApp App(DateTimeOffset start) =>
        new(TestDeck.OneQuestion(), _discord.Settings(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={_dbPath}" }), start);

    [Fact]
    public async Task QuizNow_SameSignedRequestAfterARestart_PostsOnceAndTheReplayGets401()
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var captured = _discord.QuizNow(1300000000000000011, start);
        (HttpStatusCode Status, string Body) first, replay;
        await using (var before = App(start))
        {
            using var http = before.CreateClient();
            first = await captured.SendAsync(http);
        }
        await using (var after = App(start + TimeSpan.FromMinutes(1)))
        {
            using var http = after.CreateClient();
            replay = await captured.SendAsync(http);
        }

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, DiscordInteractionsEndpoint.AlreadyHandled), replay);
        Assert.Single(_fake.RequestsTo("POST", $"channels/{SignedDiscord.Channel}/messages"));
    }

    [Fact]
    public async Task TryClaim_AfterTheIdsExpired_PurgesTheirRows()
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using var app = App(start);
        var ledger = app.Get<IRequestLedger>();
        var expires = start.UtcDateTime + DiscordInteractionsEndpoint.TimestampTolerance;

        Assert.True(await ledger.TryClaimAsync(1, expires, CancellationToken.None));
        Assert.False(await ledger.TryClaimAsync(1, expires, CancellationToken.None));
        // Past the expiry, the clock-skew margin and the purge interval: the next batch deletes it.
        app.Clock.Advance(DiscordInteractionsEndpoint.TimestampTolerance + AnswerWriter.ClockSkew + AnswerWriter.PurgeEvery + TimeSpan.FromSeconds(1));
        Assert.True(await ledger.TryClaimAsync(2, app.Clock.GetUtcNow().UtcDateTime + DiscordInteractionsEndpoint.TimestampTolerance, CancellationToken.None));

        await using var db = app.Db();
        Assert.Equal([2L], await db.HandledInteractions.Select(h => h.Id).ToListAsync());
    }
}
