using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary><c>/quiz answer text:…</c>: a typed answer without the answer box, on every platform.</summary>
public sealed class TypedAnswerCommandTests
{
    private static DeckLibrary Only(int question) => new([TestDeck.Deck() with { Questions = [TestDeck.Deck().Questions[question]] }], []);

    [Fact]
    public async Task Answer_OpenNumericalQuestion_IsRecordedOnThatPost()
    {
        await using var app = new QuizApp(Only(3));
        var postId = await app.PostQuestionAsync();

        var reply = await app.RunAsync("/quiz answer text:4 servers", QuizApp.User("ann"));

        Assert.True(reply.Private);
        Assert.StartsWith("Answer recorded: **4 servers**.\n\n✅ Correct: 10 points.", reply.Text, StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.Answers.SingleAsync();
        Assert.Equal(postId, answer.PostId);
        Assert.True(answer.IsCorrect);
    }

    [Fact]
    public async Task Answer_TypedWithMarkdown_IsShownLiterally()
    {
        await using var app = new QuizApp(Only(4));
        await app.PostQuestionAsync();

        var reply = await app.RunAsync("/quiz answer a *pod* __or__ `node`", QuizApp.User("ann"));

        Assert.StartsWith("Answer recorded: **a \\*pod\\* \\_\\_or\\_\\_ \\`node\\`**.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_NothingOpen_SaysSoAndStoresNothing()
    {
        await using var app = new QuizApp(Only(3));

        var reply = await app.RunAsync("/quiz answer 4", QuizApp.User("ann"));

        Assert.Equal("No question that takes a typed answer is open in this channel, so nothing was recorded. Use `/quiz practice` for one of your own.", reply.Text);
        await using var db = app.Db();
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [Fact]
    public async Task Answer_OpenChoiceQuestion_PointsToItsOptionsAndStoresNothing()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        await app.PostQuestionAsync();

        var reply = await app.RunAsync("/quiz answer B", QuizApp.User("ann"));

        Assert.Equal("The open question here is a choice question: pick your answer on its card. Nothing was recorded.", reply.Text);
        await using var db = app.Db();
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [Fact]
    public async Task Answer_OwnPracticeQuestion_IsRecordedAsPractice()
    {
        await using var app = new QuizApp(Only(4));
        await app.RunAsync("/quiz practice", QuizApp.User("ann"));

        var other = await app.RunAsync("/quiz answer Pod", QuizApp.User("ben"));
        var reply = await app.RunAsync("/quiz answer Pod", QuizApp.User("ann"));

        Assert.StartsWith("No question that takes a typed answer is open", other.Text, StringComparison.Ordinal);
        Assert.StartsWith("Practice answer recorded: **Pod** (not scored).", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithoutText_SaysWhatIsMissingInTheOneSpelling()
    {
        await using var app = new QuizApp(Only(3));

        var reply = await app.RunAsync("/quiz answer", QuizApp.User("ann"));

        Assert.Equal("`text` is missing: Your answer: a number (42) or the missing word.\nUsage: /quiz answer text:…\nExample: `/quiz answer text:42`", reply.Text);
    }
}
