using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two replicas on one PostgreSQL database: a deck an admin adds and confirms on one is in
/// service on the other after one poll, and removing it on the other takes it out on the first.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class TwoInstanceDeckUploadTests : IAsyncLifetime
{
    private const string Gift = "::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n";
    private static readonly ChatUser Admin = QuizApp.User("admin", admin: true);
    private PostgresDatabase _db = null!;
    private QuizApp _a = null!;
    private QuizApp _b = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        _a = new QuizApp(TestDeck.OneQuestion(), _db.Settings());
        _b = new QuizApp(TestDeck.OneQuestion(), _db.Settings());
        await Task.WhenAll(Task.Run(() => _a.Server), Task.Run(() => _b.Server));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static async Task<OutgoingMessage> SendAsync(QuizApp app, string text, params IncomingFile[] files) =>
        (await app.Get<InboundPipeline>().RunAsync(new TypedCommand(QuizApp.Channel(), Admin, text) { Files = files }, CancellationToken.None)).Reply!;

    private static async Task PollAsync(QuizApp app, Func<IReadOnlyList<Deck>, bool> until)
    {
        app.Clock.Advance(app.Get<IOptions<DeckUploadOptions>>().Value.PollEvery);
        for (var i = 0; i < 250 && !until(app.Get<DeckLibrary>().UploadsOf(1)); i++)
            await Task.Delay(20);
    }

    [PostgresFact]
    public async Task DeckConfirmedOnOneReplica_IsInServiceOnTheOtherAfterAPollAndRemovedEverywhere()
    {
        await SendAsync(_a, "/quiz deck add name:bio", IncomingFile.FromBytes("bio.gift", "text/plain", Encoding.UTF8.GetBytes(Gift)));
        var confirmed = await SendAsync(_a, "/quiz deck confirm");
        Assert.StartsWith("✅ Deck **bio** is in service for this group (version 1)", confirmed.Text, StringComparison.Ordinal);

        await PollAsync(_b, decks => decks.Count == 1);
        var onB = await SendAsync(_b, "/quiz decks");
        Assert.Contains("- **bio** (uploaded, version 1 of `bio.gift`)", onB.Text, StringComparison.Ordinal);

        var removed = await SendAsync(_b, "/quiz deck remove name:bio");
        Assert.StartsWith("Deck **bio** (version 1, 1 question) is out of service for this group.", removed.Text, StringComparison.Ordinal);
        await PollAsync(_a, decks => decks.Count == 0);
        Assert.Empty(_a.Get<DeckLibrary>().UploadsOf(1));
        Assert.Equal(1, await _db.CountAsync("""SELECT count(*) FROM "UploadedDecks" WHERE "State" = 3"""));
    }
}
