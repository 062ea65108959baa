using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>Exam mode as people see it: the admin sets a date, the bot says whether the schedule
/// covers the deck, and practice, /stats and /quiz exam show forecast recall at the exam.</summary>
public sealed class ExamTests : IAsyncLifetime
{
    // The clock starts Monday 2026-11-23 08:00 UTC; the test deck has 5 questions in 4 topics.
    private readonly QuizApp _app = new();
    private static readonly Cl37.Bot.Chat.ChatUser Admin = QuizApp.User("admin", admin: true);

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ExamSet_ScheduleTooSlowForTheDeck_SaysHowManyWouldNeverBeAsked()
    {
        await _app.RunAsync("/quiz schedule set 09:00 UTC daily", Admin);

        var reply = await _app.RunAsync("/quiz exam set 2026-11-25", Admin);

        Assert.False(reply.Private);
        Assert.Contains("🎓 Exam set for 2026-11-25 (all decks).", reply.Text);
        Assert.Contains("Coverage: 0 of 5 questions asked here. ⚠️ 5 questions, 2 days, one a day: 3 would never be asked; set 3 a day: `/quiz schedule set time:09:00,13:00,18:00`.", reply.Text);
        Assert.Contains("nobody has answered a question of this deck yet", reply.Text);
    }

    [Fact]
    public async Task ExamShow_ThreeADaySchedule_CountsEveryPostLeftAndSuggestsTheTimes()
    {
        var set = await _app.RunAsync("/quiz schedule set 09:00,13:00,18:00 UTC daily", Admin);
        Assert.StartsWith("📅 3 daily questions, at 09:00, 13:00 and 18:00 (UTC), every day; answers stay open until 1 hour before the next question;", set.Text);
        Assert.Contains("Next question: Mon 2026-11-23 09:00; its answers close Mon 2026-11-23 12:00.", set.Text);
        Assert.Contains("3 daily questions, at 09:00, 13:00 and 18:00 (UTC)", (await _app.RunAsync("/quiz schedule show", QuizApp.User("ann"))).Text);

        await _app.RunAsync("/quiz exam set 2026-11-25", Admin);
        var fits = await _app.RunAsync("/quiz exam show", QuizApp.User("ann"));
        await _app.RunAsync("/quiz exam set 2026-11-24", Admin);
        var tight = await _app.RunAsync("/quiz exam show", QuizApp.User("ann"));

        Assert.Contains("Coverage: 0 of 5 questions asked here. The 5 left fit in the 6 daily questions before the exam.", fits.Text);
        Assert.Contains("⚠️ 5 questions, 1 day, 3 a day: 2 would never be asked; set 6 a day: `/quiz schedule set time:08:00,10:00,12:00,14:00,16:00,18:00`.", tight.Text);
    }

    [Fact]
    public async Task ExamSet_ScheduleFastEnough_SaysTheRestFits()
    {
        await _app.RunAsync("/quiz schedule set 09:00 UTC daily", Admin);

        var reply = await _app.RunAsync("/quiz exam set 2026-12-20 test", Admin);

        Assert.Contains("(deck test)", reply.Text);
        Assert.Contains("The 5 left fit in the 27 daily questions before the exam.", reply.Text);
    }

    [Fact]
    public async Task ExamSet_BadPastOrNotAdmin_ChangesNothing()
    {
        Assert.Contains("is not a date: write it as yyyy-MM-dd", (await _app.RunAsync("/quiz exam set 25.12.2026", Admin)).Text);
        Assert.Contains("must be after today (2026-11-23", (await _app.RunAsync("/quiz exam set 2026-11-23", Admin)).Text);
        Assert.Contains("There is no deck `nope`", (await _app.RunAsync("/quiz exam set 2026-12-20 nope", Admin)).Text);
        Assert.Contains("Only admins can use `/quiz exam set`", (await _app.RunAsync("/quiz exam set 2026-12-20", QuizApp.User("ann"))).Text);

        await using var db = _app.Db();
        Assert.Null((await db.Groups.SingleAsync()).ExamDate);
        Assert.Contains("no exam date ahead", (await _app.RunAsync("/quiz exam show", QuizApp.User("ann"))).Text);
        Assert.Contains("no exam date to switch off", (await _app.RunAsync("/quiz exam off", Admin)).Text);
    }

    [Fact]
    public async Task ExamShow_AfterAnswers_ShowsCoverageForecastAndWeakestTopicsWithoutNames()
    {
        await _app.RunAsync("/quiz exam set 2026-12-20", Admin);
        var post = await _app.PostQuestionAsync();
        var question = await QuestionOfAsync(post);
        await _app.AnswerAsync(post, "ann", Right(question));
        await _app.AnswerAsync(post, "ben", Wrong(question));

        var reply = await _app.RunAsync("/quiz exam show", QuizApp.User("cy"));

        Assert.Contains("🎓 Exam on 2026-12-20 (all decks).", reply.Text);
        Assert.Contains("Coverage: 1 of 5 questions asked here. This channel has no daily question", reply.Text);
        Assert.Matches(@"predicted average \d+%, spread ±\d+% over 2 people\.", reply.Text);
        Assert.Matches(@"Weakest topics: \w+ \(\d+%\), \w+ \(\d+%\), \w+ \(\d+%\)\.", reply.Text);
        Assert.DoesNotContain("Name ann", reply.Text);
        Assert.DoesNotContain("Name ben", reply.Text);
    }

    [Fact]
    public async Task Now_DeckNamedWhileAnExamIsAhead_DrawsFromThatDeckOnly()
    {
        await _app.RunAsync("/quiz exam set 2026-12-20", Admin);

        var reply = await _app.RunAsync("/quiz now deck:nope", Admin);

        Assert.StartsWith("The deck `nope` has no questions.", reply.Text);
        await using var db = _app.Db();
        Assert.Empty(await db.Posts.ToListAsync());
    }

    [Fact]
    public async Task Practice_WithExam_AimsAtTheExamAndSaysHowManyAreDue()
    {
        await _app.RunAsync("/quiz exam set 2026-12-20", Admin);
        var post = await _app.PostQuestionAsync();
        await _app.AnswerAsync(post, "ann", Right(await QuestionOfAsync(post)));
        _app.Clock.Advance(TimeSpan.FromDays(4));

        var reply = await _app.RunAsync("/quiz practice", QuizApp.User("ann"));

        Assert.True(reply.Private);
        Assert.Contains("1 question due for review, 4 not seen yet. Picked to raise your recall on the exam day, 2026-12-20.", reply.Text);
        await _app.RunAsync("/quiz exam off", Admin);
        Assert.DoesNotContain("exam day", (await _app.RunAsync("/quiz practice", QuizApp.User("ann"))).Text);
    }

    [Fact]
    public async Task Stats_WithExam_ShowsPredictedScoreAndThreeTopicsToPractise()
    {
        await _app.RunAsync("/quiz exam set 2026-12-20", Admin);
        var post = await _app.PostQuestionAsync();
        await _app.AnswerAsync(post, "ann", Right(await QuestionOfAsync(post)));

        var reply = await _app.RunAsync("/stats", QuizApp.User("ann"));

        Assert.True(reply.Private);
        Assert.Matches(@"\*\*Exam 2026-12-20\*\*\nPredicted score if your memory is carried to that date: \d+%\.", reply.Text);
        Assert.Matches(@"Practice would gain most in: \w+ \(predicted \d+%\), \w+ \(predicted \d+%\), \w+ \(predicted \d+%\)\.", reply.Text);
    }

    private static string[] Right(Question q) => q.Kind switch
    {
        QuestionKind.Numerical => ["4"],
        QuestionKind.FillIn => ["Pod"],
        _ => [.. q.CorrectKeys],
    };

    private static string[] Wrong(Question q) => q.Kind switch
    {
        QuestionKind.Numerical => ["9"],
        QuestionKind.FillIn => ["Node"],
        _ => ["D"],
    };

    private async Task<Question> QuestionOfAsync(long postId)
    {
        await using var db = _app.Db();
        var id = await db.Posts.Where(p => p.Id == postId).Select(p => p.QuestionId).SingleAsync();
        return TestDeck.Deck().Questions.Single(q => q.Id == id);
    }
}
