using System.Net;
using System.Text;
using System.Text.Json;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>/quiz deck add with Discord's attachment option: the file is downloaded from the
/// attachment's URL (on a loopback fake CDN) inside the command, previewed, and confirmed; a file
/// whose declared size is over the limit is refused without being downloaded.</summary>
public sealed class DiscordDeckUploadTests : IAsyncLifetime
{
    private const string Gift = "::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n\n::count::How many chromosomes does a human body cell have? {#46}\n";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
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
    }

    // DAD interactions/receiving-and-responding.mdx: the option's value is the attachment id, the file is in data.resolved.attachments.
    private static string DeckAdd(string url, long size, string name = "bio.gift") =>
        """
        {"id":"1","name":"quiz","type":1,
         "options":[{"type":2,"name":"deck","options":[{"type":1,"name":"add","options":[{"type":11,"name":"file","value":"1311111111111111111"}]}]}],
         "resolved":{"attachments":{"1311111111111111111":{"id":"1311111111111111111","filename":"NAME","size":SIZE,"content_type":"text/plain; charset=utf-8","url":"URL","proxy_url":"URL"}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("SIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("URL", url, StringComparison.Ordinal);

    private const string DeckConfirm = """
        {"id":"1","name":"quiz","type":1,"options":[{"type":2,"name":"deck","options":[{"type":1,"name":"confirm","options":[]}]}]}
        """;

    private static string Content(string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        return json.GetProperty("data").GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task DeckAdd_AttachmentOption_DownloadsPreviewsAndConfirmPutsItInService()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(), Start);
        using var http = app.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(Gift);
        var url = _fake.AttachmentUrl("1100/1311111111111111111/bio.gift", bytes);

        var added = await _discord.Command(1300000000000000021, Start, DeckAdd(url, bytes.Length)).SendAsync(http);
        var confirmed = await _discord.Command(1300000000000000022, Start, DeckConfirm).SendAsync(http);

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("""
            **Deck preview: bio** (`bio.gift`, GIFT)
            2 questions: 1 single choice, 1 numerical
            Confirming adds **bio** to this group as a new deck (version 1). Confirm within 30 minutes with `/quiz deck confirm`.
            """, Content(added.Body));
        Assert.Equal(["1100/1311111111111111111/bio.gift"], _fake.CdnDownloads);
        Assert.StartsWith("✅ Deck **bio** is in service for this group (version 1): 2 questions: 1 single choice, 1 numerical.", Content(confirmed.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeckAdd_DeclaredSizeOverTheLimit_IsRefusedWithoutDownloading()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(), Start);
        using var http = app.CreateClient();
        var url = _fake.AttachmentUrl("1100/1311111111111111111/huge.md", Encoding.UTF8.GetBytes(Gift));

        var added = await _discord.Command(1300000000000000023, Start, DeckAdd(url, 5_000_000, "huge.md")).SendAsync(http);

        Assert.Equal("`huge.md` is 4.8 MiB; a deck sent in a chat may be at most 1 MiB. Split it into several decks, or put it in the server's content folder. Nothing was stored.", Content(added.Body));
        Assert.Empty(_fake.CdnDownloads);
    }

    [Fact]
    public async Task DeckAdd_AttachmentGone_SaysToSendItAgain()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(), Start);
        using var http = app.CreateClient();

        var added = await _discord.Command(1300000000000000024, Start, DeckAdd(_fake.BaseUri + "attachments/expired/bio.gift", 120)).SendAsync(http);

        Assert.Equal("The file `bio.gift` could not be downloaded (its link may have expired); send it again. Nothing was stored.", Content(added.Body));
    }

    [Fact]
    public async Task DeckAdd_MemberWithoutManageServer_IsRefusedWithoutDownloading()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion(), _discord.Settings(), Start);
        using var http = app.CreateClient();
        var url = _fake.AttachmentUrl("1100/1311111111111111111/bio.gift", Encoding.UTF8.GetBytes(Gift));

        var added = await _discord.Command(1300000000000000025, Start, DeckAdd(url, 120), permissions: "0").SendAsync(http);

        Assert.StartsWith("Only admins can use `/quiz deck add`.", Content(added.Body), StringComparison.Ordinal);
        Assert.Empty(_fake.CdnDownloads);
    }
}
