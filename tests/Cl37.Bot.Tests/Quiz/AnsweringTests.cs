using Cl37.Bot.Chat;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

public sealed class AnsweringTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(TestDeck.OneQuestion());

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Answer_SameClickDeliveredThreeTimes_StoresOneRowAndRepliesTheSameWay()
    {
        var postId = await _app.PostQuestionAsync();
        var action = new AnswerAction(QuizApp.Channel(), QuizApp.User("alice"), postId, ["B"], "interaction-1");

        var replies = new List<OutgoingMessage>();
        for (var i = 0; i < 3; i++)
            replies.Add(await _app.Dispatcher.AnswerAsync(action, CancellationToken.None));

        await using var db = _app.Db();
        Assert.Equal(1, await db.Answers.CountAsync(a => a.PostId == postId));
        Assert.All(replies, r => Assert.True(r.Private));
        Assert.Contains("Answer recorded: **B**", replies[0].Text);
        Assert.Contains("first answer counts: **B**", replies[1].Text);
        Assert.Equal(replies[1].Text, replies[2].Text);
        var total = await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime);
        Assert.Equal(10, total.Points);
        Assert.Equal(1, total.Answered);
    }

    [Fact]
    public async Task Answer_SecondDifferentAnswer_KeepsTheFirst()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "bob", "A");
        var second = await _app.AnswerAsync(postId, "bob", "B");

        Assert.Contains("first answer counts: **A**", second.Text);
        await using var db = _app.Db();
        var answer = await db.Answers.SingleAsync();
        Assert.Equal("A", answer.Response);
        Assert.False(answer.IsCorrect);
        Assert.Equal(0, (await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime)).Points);
    }

    [Fact]
    public async Task Answer_ThousandPeopleConcurrently_StoresExactlyThousandWithRightTotals()
    {
        var postId = await _app.PostQuestionAsync();
        var tasks = Enumerable.Range(0, 1000).Select(i => Task.Run(() => _app.AnswerAsync(postId, "p" + i, i % 4 == 0 ? "A" : "B")));
        var replies = await Task.WhenAll(tasks);

        Assert.All(replies, r => Assert.Contains("Answer recorded", r.Text));
        await using var db = _app.Db();
        Assert.Equal(1000, await db.Answers.CountAsync(a => a.PostId == postId));
        var all = await db.ScoreTotals.Where(t => t.Period == PeriodKeys.AllTime).ToListAsync();
        Assert.Equal(1000, all.Count);
        Assert.Equal(750 * 10, all.Sum(t => t.Points));
        Assert.Equal(750, all.Sum(t => t.Correct));
        var recount = await db.Answers.Where(a => !a.Practice).SumAsync(a => a.Points);
        Assert.Equal(recount, all.Sum(t => t.Points));
    }

    [Fact]
    public async Task Answer_RightRightWrong_StoresTheStreakAndFsrsMemoryAsScored()
    {
        var steps = new[]
        {
            (Answer: "B", Rating: Rating.Good, Streak: 1, Best: 1),
            (Answer: "B", Rating: Rating.Good, Streak: 2, Best: 2),
            (Answer: "A", Rating: Rating.Again, Streak: 0, Best: 2),
        };
        MemoryState? expected = null;
        foreach (var step in steps)
        {
            var postId = await _app.PostQuestionAsync();
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            await _app.AnswerAsync(postId, "lena", step.Answer);

            await using var db = _app.Db();
            var person = await db.People.SingleAsync(p => p.ExternalId == "lena");
            var review = await db.ReviewStates.SingleAsync(r => r.PersonId == person.Id);
            expected = Fsrs.Default.Review(expected, now, step.Rating);
            Assert.Equal((expected.Stability, expected.Difficulty, expected.DueUtc), (review.Stability, review.Difficulty, review.DueUtc));
            Assert.Equal((step.Streak, step.Best), (person.CurrentStreak, person.BestStreak));
            _app.Clock.Advance(TimeSpan.FromDays(2));
        }
    }

    [Fact]
    public async Task Answer_PersonStoredUnderAnotherName_BuildsOnTheStoredStreakAndMemory()
    {
        var first = await _app.PostQuestionAsync();
        var then = _app.Clock.GetUtcNow().UtcDateTime;
        await _app.AnswerAsync(first, "lena", "B");
        _app.Clock.Advance(TimeSpan.FromDays(3));

        // A new display name misses the writer's cache of people, so the person is upserted again.
        var second = await _app.PostQuestionAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var renamed = new AnswerAction(QuizApp.Channel(), new ChatUser("lena", "Lena B.", false), second, ["B"]);
        await _app.Dispatcher.AnswerAsync(renamed, CancellationToken.None);

        await using var db = _app.Db();
        var person = await db.People.SingleAsync(p => p.ExternalId == "lena");
        var review = await db.ReviewStates.SingleAsync(r => r.PersonId == person.Id);
        Assert.Equal("Lena B.", person.DisplayName);
        Assert.Equal((2, 2), (person.CurrentStreak, person.BestStreak));
        var expected = Fsrs.Default.Review(Fsrs.Default.Review(null, then, Rating.Good), now, Rating.Good);
        Assert.Equal((expected.Stability, expected.DueUtc), (review.Stability, review.DueUtc));
        Assert.True(review.Stability > 2.3065);
    }

    [Fact]
    public async Task Answer_WrongFirstAnswer_LeavesTheStreakAtZero()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "omar", "A");

        await using var db = _app.Db();
        var person = await db.People.SingleAsync(p => p.ExternalId == "omar");
        Assert.Equal((0, 0), (person.CurrentStreak, person.BestStreak));
        Assert.Equal(0.212, (await db.ReviewStates.SingleAsync(r => r.PersonId == person.Id)).Stability, 12);
    }

    [Fact]
    public async Task Answer_UnknownPost_GetsClearMessage()
    {
        var reply = await _app.AnswerAsync(999_999, "carol", "A");
        Assert.True(reply.Private);
        Assert.Contains("can't find that question", reply.Text);
    }

    [Fact]
    public async Task Answer_AfterWindowClosed_IsPracticeAndScoresNothing()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "early", "B");
        await _app.RunAsync("/quiz reveal", QuizApp.User("admin", admin: true));

        var late = await _app.AnswerAsync(postId, "late", "B");

        Assert.Contains("practice only", late.Text);
        await using var db = _app.Db();
        var lateAnswer = await db.Answers.SingleAsync(a => a.Response == "B" && a.Practice);
        Assert.Equal(0, lateAnswer.Points);
        Assert.Single(await db.ScoreTotals.Where(t => t.Period == PeriodKeys.AllTime).ToListAsync());
    }

    [Fact]
    public async Task Reveal_ShowsCountsExplanationFastestAndMovement()
    {
        var postId = await _app.PostQuestionAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
        await _app.AnswerAsync(postId, "ann", "B");
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
        await _app.AnswerAsync(postId, "ben", "A");
        await _app.AnswerAsync(postId, "cat", "B");

        await _app.RunAsync("/quiz reveal", QuizApp.User("admin", admin: true));

        var reveal = Assert.Single(_app.Platform.Cards<RevealCard>());
        Assert.Equal(3, reveal.AnsweredCount);
        Assert.Equal(2, reveal.CorrectCount);
        var b = reveal.Options.Single(o => o.Key == "B");
        Assert.True(b.IsCorrect);
        Assert.Equal(2, b.Count);
        Assert.Equal("A is wrong.", reveal.Options.Single(o => o.Key == "A").WhyWrong);
        Assert.StartsWith("Name ann", reveal.FastestCorrect[0]);
        Assert.Contains(reveal.Movement, m => m.Contains("Name ann") && m.Contains("+10 on this question"));
        var closed = _app.Platform.Updates.Select(u => u.Message.Card).OfType<QuestionCard>().Last();
        Assert.True(closed.Closed);
    }

    [Fact]
    public async Task Tally_AfterAnswers_UpdatesThePostOnce()
    {
        var postId = await _app.PostQuestionAsync();
        for (var i = 0; i < 20; i++)
            await _app.AnswerAsync(postId, "t" + i, "B");

        await _app.Get<TallyPoster>().FlushAsync(CancellationToken.None);

        var update = Assert.Single(_app.Platform.Updates);
        Assert.Equal(20, Assert.IsType<QuestionCard>(update.Message.Card).AnsweredCount);
    }

    [Fact]
    public async Task Practice_AnswerByAnotherPerson_IsRefused()
    {
        var reply = await _app.RunAsync("/quiz practice", QuizApp.User("dora"));
        var card = Assert.IsType<QuestionCard>(reply.Card);
        Assert.True(reply.Private);

        var other = await _app.AnswerAsync(card.PostId, "eve", "B");
        var own = await _app.AnswerAsync(card.PostId, "dora", "B");

        Assert.Contains("belongs to someone else", other.Text);
        Assert.Contains("not scored", own.Text);
        await using var db = _app.Db();
        Assert.Empty(await db.ScoreTotals.ToListAsync());
        var review = await db.ReviewStates.SingleAsync();
        Assert.Equal(2.3065, review.Stability, 12);
    }
}
