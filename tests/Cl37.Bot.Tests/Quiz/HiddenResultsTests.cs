using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>With results hidden until the reveal, an answer changes nothing any view shows until the
/// reveal; then every view counts it.</summary>
public sealed class HiddenResultsTests
{
    private static readonly ChatUser Admin = QuizApp.User("admin", admin: true);
    private static readonly ChatUser Sam = QuizApp.User("sam");

    // What a person or an admin can read about sam's results, one reply each.
    private static readonly (string Command, ChatUser User)[] Views =
    [
        ("/stats", Sam),
        ("/stats user:sam", Admin),
        ("/leaderboard period:week", Sam),
        ("/leaderboard period:month", Sam),
        ("/leaderboard period:all", Sam),
        ("/leaderboard period:competition", Sam),
        ("/leaderboard period:week format:csv", Admin),
        ("/leaderboard period:all format:csv", Admin),
        ("/leaderboard period:competition format:csv", Admin),
        ("/competition show", Sam),
        ("/quiz analysis", Admin),
        ("/quiz analysis format:csv", Admin),
    ];

    [Fact]
    public async Task Views_WhileThePostHidesResults_ReadAsBeforeTheAnswerAndCountItAfterTheReveal()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        await app.RunAsync("/quiz settings hide_results:true streak_bonus:true", Admin);
        await app.RunAsync("/competition start name:Cup end:2026-12-31", Admin);
        var postId = await app.PostQuestionAsync();
        var before = await ReadViewsAsync(app);

        var reply = await app.AnswerAsync(postId, "sam", "B");
        var hidden = await ReadViewsAsync(app);

        Assert.Contains("revealed when the question closes", reply.Text);
        foreach (var (command, _) in Views)
            Assert.True(before[command] == hidden[command], $"{command} changed while the results were hidden:\n--- before the answer\n{before[command]}\n--- after it\n{hidden[command]}");
        await using (var db = app.Db())
        {
            Assert.Empty(await db.ScoreTotals.ToListAsync());
            Assert.Empty(await db.ReviewStates.ToListAsync());
            Assert.Equal(0, (await db.People.SingleAsync(p => p.ExternalId == "sam")).CurrentStreak);
        }

        await app.RunAsync("/quiz reveal", Admin);
        var revealed = await ReadViewsAsync(app);

        foreach (var (command, _) in Views)
            Assert.True(before[command] != revealed[command], $"{command} did not count the answer after the reveal:\n{revealed[command]}");
        Assert.Contains("Name sam", revealed["/leaderboard period:competition"]);
        Assert.Contains("correct 1 (100%)", revealed["/stats"]);
        await using (var db = app.Db())
        {
            Assert.Equal(["A", "C1", "M2026-11", "W2026-48"], await db.ScoreTotals.Where(t => t.Points == 10 && t.Correct == 1).Select(t => t.Period).OrderBy(p => p).ToListAsync());
            Assert.Equal(1, (await db.People.SingleAsync(p => p.ExternalId == "sam")).CurrentStreak);
            var review = await db.ReviewStates.SingleAsync();
            Assert.Equal(1, review.Right);
            // The memory moves as the answer would have moved it when it came.
            var answeredUtc = DateTime.SpecifyKind((await db.Answers.SingleAsync()).AnsweredUtc, DateTimeKind.Utc);
            var expected = Fsrs.Default.Review(null, answeredUtc, Rating.Good);
            Assert.Equal((expected.Stability, expected.Difficulty, expected.DueUtc), (review.Stability, review.Difficulty, DateTime.SpecifyKind(review.DueUtc, DateTimeKind.Utc)));
        }
        // Released once: a second reveal of the same post counts nothing again.
        await app.Get<HiddenResults>().ReleaseAsync(postId, CancellationToken.None);
        await using (var db = app.Db())
            Assert.Equal(10, (await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime)).Points);
    }

    [Fact]
    public async Task Practice_WhileThePostHidesResults_NeverOffersItsQuestionAndDoesAfterTheReveal()
    {
        await using var app = new QuizApp();
        await app.RunAsync("/quiz settings hide_results:true", Admin);
        var postId = await PostAsync(app, "test/mcq/1");
        await app.AnswerAsync(postId, "sam", "A");
        // A wrong answer comes back for review once its FSRS interval has passed, if the answer were counted.
        app.Clock.Advance(DueAfterWrong + TimeSpan.FromMinutes(1));

        for (var i = 0; i < 8; i++)
            Assert.NotEqual("test/mcq/1", PracticeQuestion(await app.RunAsync("/quiz practice", Sam)));

        await app.RunAsync("/quiz reveal", Admin);
        Assert.Equal("test/mcq/1", PracticeQuestion(await app.RunAsync("/quiz practice", Sam)));
    }

    private static readonly TimeSpan DueAfterWrong =
        TimeSpan.FromDays(Fsrs.Default.Review(null, DateTime.UnixEpoch, Rating.Again).IntervalDays);

    private static string PracticeQuestion(OutgoingMessage reply) =>
        Assert.IsType<QuestionCard>(reply.Card).QuestionId;

    private static async Task<long> PostAsync(QuizApp app, string questionId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var postId = await app.PostQuestionAsync();
            if (app.Platform.Cards<QuestionCard>().Single(c => c.PostId == postId).QuestionId == questionId)
                return postId;
        }
        throw new InvalidOperationException(questionId + " was never chosen");
    }

    private static async Task<Dictionary<string, string>> ReadViewsAsync(QuizApp app)
    {
        var shown = new Dictionary<string, string>();
        foreach (var (command, user) in Views)
            shown[command] = Shown(await app.RunAsync(command, user));
        return shown;
    }

    private static string Shown(OutgoingMessage message) => message.Text + "\n" + message.Card switch
    {
        TableCard t => t.Title + "\n" + string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))) + "\n" + t.Footer,
        _ => "",
    } + string.Concat(message.Files.Select(f => "\n" + System.Text.Encoding.UTF8.GetString(f.Content)));
}
