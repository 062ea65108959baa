using System.Net;
using System.Text.Json;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two replicas in Discord HTTP mode on one PostgreSQL database, and a captured signed
/// request sent to both.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class TwoInstanceReplayTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private FakeDiscordServer _fake = null!;
    private SignedDiscord _discord = null!;
    private QuizApp _a = null!;
    private QuizApp _b = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        _fake = await FakeDiscordServer.StartAsync();
        _discord = new SignedDiscord(_fake);
        _a = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(_db.Settings()));
        _b = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(_db.Settings()));
        await Task.WhenAll(Task.Run(() => _a.Server), Task.Run(() => _b.Server));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _fake.DisposeAsync();
        _discord.Dispose();
        await _db.DisposeAsync();
    }

    [PostgresFact]
    public async Task QuizNow_SameSignedRequestToBothReplicas_PostsOnceAndTheSecondGets401()
    {
        var captured = _discord.QuizNow(1300000000000000001, _a.Clock.GetUtcNow());
        using var toA = _a.CreateClient();
        using var toB = _b.CreateClient();

        var first = await captured.SendAsync(toA);
        var replay = await captured.SendAsync(toB);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(4, JsonDocument.Parse(first.Body).RootElement.GetProperty("type").GetInt32());
        Assert.Equal((HttpStatusCode.Unauthorized, DiscordInteractionsEndpoint.AlreadyHandled), replay);
        Assert.Single(_fake.RequestsTo("POST", $"channels/{SignedDiscord.Channel}/messages"));
        Assert.Equal(1, await _db.CountAsync("""SELECT count(*) FROM "Posts" """));
        Assert.Equal(1, await _db.CountAsync("""SELECT count(*) FROM "HandledInteractions" WHERE "Id" = 1300000000000000001"""));
    }

    [PostgresFact]
    public async Task QuizNow_SameSignedRequestToBothReplicasAtOnce_PostsOnce()
    {
        var captured = _discord.QuizNow(1300000000000000002, _a.Clock.GetUtcNow());
        using var toA = _a.CreateClient();
        using var toB = _b.CreateClient();

        var both = await Task.WhenAll(Task.Run(() => captured.SendAsync(toA)), Task.Run(() => captured.SendAsync(toB)));

        Assert.Single(both, r => r.Status == HttpStatusCode.OK);
        Assert.Single(both, r => r == (HttpStatusCode.Unauthorized, DiscordInteractionsEndpoint.AlreadyHandled));
        Assert.Single(_fake.RequestsTo("POST", $"channels/{SignedDiscord.Channel}/messages"));
    }
}
