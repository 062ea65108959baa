using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>An admin adds a deck from a chat: what the admin sees (preview, confirmation, removal,
/// every refusal) and what the students see (its questions in their group, and nowhere else).</summary>
public sealed class DeckUploadTests : IDisposable
{
    private static readonly ChatUser Admin = QuizApp.User("admin", admin: true);
    private static readonly ChannelRef OtherGroup = new("test", "group2", "general");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cl37-upload-{Guid.NewGuid():N}.db");

    // Written from the GIFT format's description: three questions this bot asks and a matching one it skips.
    private const string Biology = """
        // Biology, week 3
        ::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}

        ::cell-2::Which molecule carries the genes? {~Lipid =DNA ~Glucose}

        ::chromosomes::How many chromosomes does a human body cell have? {#46}

        ::match::Match each part to its job. {=Nucleus -> holds DNA =Ribosome -> makes proteins =Membrane -> keeps things out}
        """;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        SqliteFiles.Delete(_path);
    }

    private static IncomingFile File(string name, string text) => IncomingFile.FromBytes(name, "text/plain", Encoding.UTF8.GetBytes(text));

    private static async Task<OutgoingMessage> SendAsync(QuizApp app, string text, ChatUser user, ChannelRef? channel = null, params IncomingFile[] files) =>
        (await app.Get<InboundPipeline>().RunAsync(new TypedCommand(channel ?? QuizApp.Channel(), user, text) { Files = files }, CancellationToken.None)).Reply!;

    private static async Task AddedAsync(QuizApp app, string text = Biology, string file = "Biology Week 3.gift", string? name = "bio")
    {
        await SendAsync(app, "/quiz deck add" + (name is null ? "" : " name:" + name), Admin, null, File(file, text));
        var confirmed = await SendAsync(app, "/quiz deck confirm", Admin);
        Assert.StartsWith("✅", confirmed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_GiftFile_PreviewsTheCountsAndWhatConfirmingDoes()
    {
        await using var app = new QuizApp(databasePath: _path);

        var reply = await SendAsync(app, "/quiz deck add", Admin, null, File("Biology Week 3.gift", Biology));

        Assert.True(reply.Private);
        Assert.Equal("""
            **Deck preview: biology-week-3** (`Biology Week 3.gift`, GIFT)
            3 questions: 2 single choice, 1 numerical; 1 skipped: matching at line 8
            Confirming adds **biology-week-3** to this group as a new deck (version 1). Confirm within 30 minutes with `/quiz deck confirm`.
            """, reply.Text);
        var decks = await SendAsync(app, "/quiz decks", Admin);
        Assert.DoesNotContain("biology", decks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_Preview_PutsTheDeckInServiceAndItsQuestionsArePostedInTheGroup()
    {
        await using var app = new QuizApp(databasePath: _path);
        await SendAsync(app, "/quiz deck add name:bio", Admin, null, File("Biology Week 3.gift", Biology));

        var reply = await SendAsync(app, "/quiz deck confirm", Admin);

        Assert.Equal("""
            ✅ Deck **bio** is in service for this group (version 1): 3 questions: 2 single choice, 1 numerical; 1 skipped: matching at line 8.
            `/quiz now deck:bio` posts one of its questions; `/quiz decks` lists every deck.
            """, reply.Text);
        var decks = await SendAsync(app, "/quiz decks", QuizApp.User("student"));
        Assert.Contains("- **bio** (uploaded, version 1 of `Biology Week 3.gift`): 3 questions: 2 single choice, 1 numerical; 1 skipped: matching at line 8", decks.Text, StringComparison.Ordinal);
        Assert.StartsWith("**Decks** — 2 decks, 8 questions", decks.Text, StringComparison.Ordinal);

        var postId = await PostFromAsync(app, "bio");
        var post = Assert.IsType<QuestionCard>(app.Platform.Posts.Last().Message.Card);
        Assert.Contains(post.Prompt, new[] { "Which organelle makes most of a cell's ATP?", "Which molecule carries the genes?", "How many chromosomes does a human body cell have?" });
        var answer = await app.AnswerAsync(postId, "student", post.Options.Count > 0 ? post.Options[0].Key : "46");
        Assert.Contains("recorded", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UploadedDeck_AnotherGroup_NeverSeesListsPostsOrExportsIt()
    {
        await using var app = new QuizApp(databasePath: _path);
        await AddedAsync(app);
        var other = QuizApp.User("other-admin", admin: true);

        var decks = await SendAsync(app, "/quiz decks", other, OtherGroup);
        var now = await SendAsync(app, "/quiz now deck:bio", other, OtherGroup);
        var export = await SendAsync(app, "/quiz deck export deck:bio", other, OtherGroup);
        var remove = await SendAsync(app, "/quiz deck remove name:bio", other, OtherGroup);
        var regrade = await SendAsync(app, "/quiz regrade deck:bio", other, OtherGroup);

        Assert.Equal("**Decks** — 1 deck, 5 questions\n- **test** (`test.md`): 5 questions: 2 single choice, 1 multiple select, 1 numerical, 1 fill-in", decks.Text);
        Assert.Equal("The deck `bio` has no questions. Decks: test.", now.Text);
        Assert.StartsWith("There is no deck `bio`", export.Text, StringComparison.Ordinal);
        Assert.Equal("This group has no uploaded deck `bio`; it has no uploaded decks at all. Nothing was changed.", remove.Text);
        Assert.Equal("There is no deck `bio`. Decks: test.", regrade.Text);
        // Every question the other group is given comes from the folder's deck.
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(app, "/quiz now force:true", other, OtherGroup);
            Assert.StartsWith("test/", Assert.IsType<QuestionCard>(app.Platform.Posts.Last().Message.Card).QuestionId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Replace_ChangedKey_PreviewPointsToRegradeAndTheDryRunFindsTheAnswers()
    {
        await using var app = new QuizApp(databasePath: _path);
        // Version 1 has cell-2's key wrong: Lipid.
        await AddedAsync(app, Biology.Replace("{~Lipid =DNA", "{=Lipid ~DNA", StringComparison.Ordinal));
        long postId;
        do
        {
            postId = await PostFromAsync(app, "bio", force: true);
        }
        while (((QuestionCard)app.Platform.Posts.Last().Message.Card!).Prompt != "Which molecule carries the genes?");
        await app.AnswerAsync(postId, "ann", "B");
        await app.AnswerAsync(postId, "bob", "A");

        var preview = await SendAsync(app, "/quiz deck add name:bio", Admin, null, File("Biology Week 3.gift", Biology + "\n\n::tissue::Cells of one kind make a {=tissue}."));
        var confirmed = await SendAsync(app, "/quiz deck confirm name:bio", Admin);
        var dryRun = await SendAsync(app, "/quiz regrade deck:bio", Admin);

        Assert.Equal("""
            **Deck preview: bio** (`Biology Week 3.gift`, GIFT)
            4 questions: 2 single choice, 1 numerical, 1 fill-in; 1 skipped: matching at line 8
            Confirming replaces version 1 of **bio** (3 questions) with version 2: 1 question graded differently, 1 added. Then run `/quiz regrade deck:bio` to regrade the answers given under the old version.
            Confirm within 30 minutes with `/quiz deck confirm`.
            """, preview.Text);
        Assert.Equal("""
            ✅ Deck **bio** version 2 is in service for this group in place of version 1: 4 questions: 2 single choice, 1 numerical, 1 fill-in; 1 skipped: matching at line 8.
            Against version 1: 1 question graded differently, 1 added; every stored answer stays. Run `/quiz regrade deck:bio` to see whose answers now grade differently, then apply it with `confirm:true`.
            """, confirmed.Text);
        Assert.Equal("""
            **Regrade · dry run** (nothing changed yet)
            - “cell-2” (`g1:bio/cell-2`): key now B) DNA — 2 answers would change; 1 person would gain 10 points and 1 person would lose 10 points
            To apply it and post a correction in the channel for each question: `/quiz regrade deck:bio confirm:true`
            """, dryRun.Text);
    }

    [Fact]
    public async Task Add_SameFileAsInService_SaysThereIsNothingToChange()
    {
        await using var app = new QuizApp(databasePath: _path);
        await AddedAsync(app);

        var reply = await SendAsync(app, "/quiz deck add name:bio", Admin, null, File("Biology Week 3.gift", Biology));

        Assert.Equal("Version 1 of **bio**, in service now, is this very file: nothing to change.", reply.Text);
    }

    [Fact]
    public async Task Remove_UploadedDeck_TakesItOutOfServiceAndKeepsEveryAnswer()
    {
        await using var app = new QuizApp(databasePath: _path);
        await AddedAsync(app);
        var postId = await PostFromAsync(app, "bio");
        var card = Assert.IsType<QuestionCard>(app.Platform.Posts.Last().Message.Card);
        await app.AnswerAsync(postId, "ann", card.Options.Count > 0 ? "A" : "46");
        await app.AnswerAsync(postId, "bob", card.Options.Count > 0 ? "B" : "45");
        await SendAsync(app, "/quiz schedule set time:09:00 deck:bio", Admin);

        var reply = await SendAsync(app, "/quiz deck remove name:bio", Admin);

        Assert.Equal("""
            Deck **bio** (version 1, 3 questions) is out of service for this group. Its 2 stored answers stay: scores, leaderboards and /stats keep them.
            The schedule of 1 channel draws from this deck and finds no questions until it is set again with `/quiz schedule set deck:…`.
            """, reply.Text);
        await using var db = app.Db();
        Assert.Equal(2, await db.Answers.CountAsync());
        Assert.Equal(DeckUploadState.Removed, (await db.UploadedDecks.SingleAsync(d => d.Name == "bio")).State);
        var decks = await SendAsync(app, "/quiz decks", Admin);
        Assert.DoesNotContain("bio", decks.Text, StringComparison.Ordinal);
        var now = await SendAsync(app, "/quiz now deck:bio force:true", Admin);
        Assert.Equal("The deck `bio` has no questions. Decks: test.", now.Text);
    }

    [Fact]
    public async Task UploadedDeck_Restart_IsInServiceFromTheStart()
    {
        await using (var first = new QuizApp(databasePath: _path))
            await AddedAsync(first);

        await using var again = new QuizApp(databasePath: _path);
        var decks = await SendAsync(again, "/quiz decks", Admin);

        Assert.Contains("- **bio** (uploaded, version 1 of `Biology Week 3.gift`)", decks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadedDeck_ConfirmedOnAnotherReplica_IsInServiceAfterOnePoll()
    {
        await using var replica = new QuizApp(databasePath: _path);
        _ = replica.Server;
        await using (var other = new QuizApp(databasePath: _path))
            await AddedAsync(other);
        Assert.Empty(replica.Get<DeckLibrary>().UploadsOf(1));

        replica.Clock.Advance(replica.Get<Microsoft.Extensions.Options.IOptions<DeckUploadOptions>>().Value.PollEvery);

        for (var i = 0; i < 100 && replica.Get<DeckLibrary>().UploadsOf(1).Count == 0; i++)
            await Task.Delay(20);
        Assert.Equal("bio", Assert.Single(replica.Get<DeckLibrary>().UploadsOf(1)).Id);
    }

    [Fact]
    public async Task Add_DeclaredSizeOverTheLimit_IsRefusedBeforeDownloading()
    {
        await using var app = new QuizApp(databasePath: _path);
        var downloaded = false;
        var big = new IncomingFile("huge.md", 3_250_000, "text/markdown", (_, _) =>
        {
            downloaded = true;
            return Task.FromResult(IncomingFileRead.TooLarge);
        });

        var reply = await SendAsync(app, "/quiz deck add", Admin, null, big);

        Assert.Equal("`huge.md` is 3.1 MiB; a deck sent in a chat may be at most 1 MiB. Split it into several decks, or put it in the server's content folder. Nothing was stored.", reply.Text);
        Assert.False(downloaded);
        await using var db = app.Db();
        Assert.Empty(db.UploadedDecks);
    }

    [Fact]
    public async Task Add_FileLongerThanTheLimitWithoutDeclaredSize_IsRefusedAtTheLimit()
    {
        await using var app = new QuizApp(databasePath: _path);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Biology + "\n\n", 4_000)));
        var read = -1;
        var file = new IncomingFile("big.gift", null, null, (max, _) =>
        {
            read = max;
            return Task.FromResult(bytes.Length > max ? IncomingFileRead.TooLarge : IncomingFileRead.Of(bytes));
        });

        var reply = await SendAsync(app, "/quiz deck add", Admin, null, file);

        Assert.Equal("`big.gift` is larger than 1 MiB, the most a deck sent in a chat may be. Split it into several decks, or put it in the server's content folder. Nothing was stored.", reply.Text);
        Assert.Equal(1_048_576, read);
    }

    [Fact]
    public async Task Add_MoreDecksThanTheGroupMayHave_IsRefused()
    {
        await using var app = new QuizApp(databasePath: _path, settings: new Dictionary<string, string?> { ["DeckUploads:MaxDecksPerGroup"] = "1" });
        await AddedAsync(app);

        var reply = await SendAsync(app, "/quiz deck add name:chem", Admin, null, File("chem.gift", Biology));

        Assert.Equal("This group already has 1 uploaded decks, as many as it may. Remove one first with `/quiz deck remove name:…` (`/quiz decks` lists them). Nothing was stored.", reply.Text);
        await using var db = app.Db();
        Assert.Equal(1, await db.UploadedDecks.CountAsync());
    }

    [Fact]
    public async Task Add_MalformedFile_GetsOneMessageWithTheLinesAndChangesNothing()
    {
        await using var app = new QuizApp(databasePath: _path);
        await AddedAsync(app);
        var broken = Biology.Replace("{#46}", "{#forty-six}", StringComparison.Ordinal).Replace("{~Lipid =DNA ~Glucose}", "{~Lipid =DNA ~Glucose", StringComparison.Ordinal);

        var reply = await SendAsync(app, "/quiz deck add name:bio", Admin, null, File("Biology Week 3.gift", broken));

        Assert.Equal("""
            `Biology Week 3.gift` cannot be added as a GIFT deck: 2 problems to fix. Nothing was stored.
            - line 4: `cell-2`: unclosed brace: this `{` has no `}` before the blank line that ends the question.
            - line 6: `chromosomes`: `forty-six` is not a number: write `{#3.14}`, `{#3.14:0.01}` or `{#3.1..3.2}`.
            """, reply.Text);
        var decks = await SendAsync(app, "/quiz decks", Admin);
        Assert.Contains("- **bio** (uploaded, version 1 of `Biology Week 3.gift`): 3 questions", decks.Text, StringComparison.Ordinal);
        await using var db = app.Db();
        Assert.Equal(1, await db.UploadedDecks.CountAsync());
    }

    [Fact]
    public async Task DeckCommands_NotAnAdmin_AreRefusedAndStoreNothing()
    {
        await using var app = new QuizApp(databasePath: _path);
        var student = QuizApp.User("student");

        var add = await SendAsync(app, "/quiz deck add", student, null, File("bio.gift", Biology));
        var confirm = await SendAsync(app, "/quiz deck confirm", student);
        var remove = await SendAsync(app, "/quiz deck remove name:test", student);

        Assert.Equal("Only admins can use `/quiz deck add`. Ask an admin of this group.", add.Text);
        Assert.Equal(add.Text.Replace("deck add", "deck confirm", StringComparison.Ordinal), confirm.Text);
        Assert.Equal(add.Text.Replace("deck add", "deck remove", StringComparison.Ordinal), remove.Text);
        await using var db = app.Db();
        Assert.Empty(db.UploadedDecks);
    }

    [Fact]
    public async Task Add_NameTypedWithoutTheFile_SaysToAttachIt()
    {
        await using var app = new QuizApp(databasePath: _path);

        var reply = await SendAsync(app, "/quiz deck add file:bio.gift", Admin);

        Assert.Equal("""
            `file` needs the file itself attached to the command, not typed as text. The deck file: Markdown (.md), GIFT (.gift) or Moodle XML (.xml).
            Usage: /quiz deck add file:<attachment> [name:…]
            Example: `/quiz deck add name:bio-week-3`
            """, reply.Text);
    }

    [Fact]
    public async Task Confirm_NothingPending_SaysToSendTheFileFirst()
    {
        await using var app = new QuizApp(databasePath: _path);
        await SendAsync(app, "/quiz deck add name:bio", Admin, null, File("bio.gift", Biology));
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var reply = await SendAsync(app, "/quiz deck confirm", Admin);

        Assert.Equal("You have no deck waiting to be confirmed (an upload waits 30 minutes). Send the file first with `/quiz deck add file:<attachment>`.", reply.Text);
    }

    [Fact]
    public async Task Add_FolderDeckName_IsRefused()
    {
        await using var app = new QuizApp(databasePath: _path);

        var reply = await SendAsync(app, "/quiz deck add name:test", Admin, null, File("bio.gift", Biology));

        Assert.Equal("The server's content folder already has a deck named `test`; send the file again with another name, for example `name:test-2`. Nothing was stored.", reply.Text);
    }

    private static async Task<long> PostFromAsync(QuizApp app, string deck, bool force = false)
    {
        var before = app.Platform.Posts.Count;
        var reply = await SendAsync(app, $"/quiz now deck:{deck}" + (force ? " force:true" : ""), Admin);
        return app.Platform.Posts.Skip(before).Select(p => p.Message.Card).OfType<QuestionCard>().LastOrDefault()?.PostId
            ?? throw new InvalidOperationException("No question was posted: " + reply.Text);
    }
}
