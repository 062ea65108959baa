using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>Decks replaced while the bot runs (what the deck watcher does): everything that looks a
/// question up — answering, posting, <c>/quiz decks</c> — sees the new set at once.</summary>
public sealed class DeckReplacedTests
{
    [Fact]
    public async Task Answer_KeyFixedWhileQuestionOpen_GradedWithTheFixedKey()
    {
        var library = TestDeck.OneQuestion();
        await using var app = new QuizApp(library);
        var postId = await app.PostQuestionAsync();
        var question = library.Decks[0].Questions[0];

        library.Replace(new DeckLibrary([library.Decks[0] with { Questions = [question with { CorrectKeys = ["A"], AnswerText = "A" }] }], []));
        await app.AnswerAsync(postId, "ann", "A");

        await using var db = app.Db();
        Assert.True((await db.Answers.SingleAsync()).IsCorrect);
    }

    [Fact]
    public async Task Decks_DeckAddedAndRemovedWhileRunning_ListsWhatIsInServiceAndPostsFromIt()
    {
        var library = TestDeck.Library();
        await using var app = new QuizApp(library);
        var added = new Deck("extra", "Extra", "extra.md", [TestDeck.Deck().Questions[3] with { Id = "extra/numerical/1", DeckId = "extra" }], []);

        library.Replace(new DeckLibrary([added], [new DeckError("test.md", 7, "option E has no text.")]));
        var listed = await app.RunAsync("/quiz decks", QuizApp.User("ann"));
        var posted = await app.RunAsync("/quiz now deck:test", QuizApp.User("admin", admin: true));

        Assert.Equal("""
            **Decks** — 1 deck, 1 question
            - **extra** (`extra.md`): 1 question: 1 numerical
            Files that gave no deck:
            - ⚠️ `test.md:7`: option E has no text.
            """, listed.Text);
        Assert.Equal("The deck `test` has no questions. Decks: extra.", posted.Text);
        Assert.DoesNotContain(app.Platform.Posts, p => p.Message.Card is QuestionCard);
    }
}
