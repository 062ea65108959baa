using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Quiz;

public sealed class StatsAndBonusTests : IAsyncLifetime
{
    private readonly QuizApp _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Stats_AfterAnswers_ShowsAccuracyByTypeTopicAndWeakest()
    {
        for (var i = 0; i < 5; i++)
        {
            var postId = await _app.PostQuestionAsync();
            var card = _app.Platform.Cards<QuestionCard>().Single(c => c.PostId == postId);
            await _app.AnswerAsync(postId, "sam", card.Input == AnswerInput.FreeText ? "7" : "D");
        }

        var reply = await _app.RunAsync("/stats", QuizApp.User("sam"));
        Assert.True(reply.Private);
        Assert.Contains("Stats for Name sam", reply.Text);
        Assert.Contains("**By type**", reply.Text);
        Assert.Contains("**By topic**", reply.Text);
        Assert.Contains("**Weakest questions**", reply.Text);
        Assert.Contains("Scored answers: 5, correct 0 (0%)", reply.Text);

        var byName = await _app.RunAsync("/stats \"Name sam\"", QuizApp.User("other"));
        Assert.Contains("Stats for Name sam", byName.Text);
        var unknown = await _app.RunAsync("/stats nobody", QuizApp.User("other"));
        Assert.Contains("no answers from `nobody`", unknown.Text);
    }

    [Fact]
    public async Task Bonuses_OffByDefault_OnWhenAdminsSwitchThemOn()
    {
        var admin = QuizApp.User("admin", admin: true);
        var first = await PostSingleChoiceAsync();
        var plain = await _app.AnswerAsync(first.PostId, "fast", "B");
        Assert.DoesNotContain("With bonuses", plain.Text);

        var settings = await _app.RunAsync("/quiz settings streak_bonus:true speed_bonus:true", admin);
        Assert.Contains("streak bonus on, speed bonus on", settings.Text);

        var second = await PostSingleChoiceAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var withBonuses = await _app.AnswerAsync(second.PostId, "fast", "B");
        Assert.Contains("✅ Correct: 10 points. With bonuses: 14 points.", withBonuses.Text);

        await using var db = _app.Db();
        var points = await db.Answers.OrderBy(a => a.Id).Select(a => a.Points).ToListAsync();
        // Second answer: 10 + streak bonus 1 (one right before) + speed bonus 3 (within a minute).
        Assert.Equal([10, 14], points);
        Assert.Equal(24, (await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime)).Points);
    }

    [Fact]
    public async Task HideResults_Setting_HidesRightOrWrongUntilReveal()
    {
        await _app.RunAsync("/quiz settings hide_results:true", QuizApp.User("admin", admin: true));
        var card = await PostSingleChoiceAsync();

        var reply = await _app.AnswerAsync(card.PostId, "quiet", "A");

        Assert.Contains("Answer recorded", reply.Text);
        Assert.Contains("revealed when the question closes", reply.Text);
        Assert.DoesNotContain("Not right", reply.Text);
    }

    private async Task<QuestionCard> PostSingleChoiceAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var postId = await _app.PostQuestionAsync();
            var card = _app.Platform.Cards<QuestionCard>().Single(c => c.PostId == postId);
            if (card.QuestionId == "test/mcq/1")
                return card;
        }
        throw new InvalidOperationException("test/mcq/1 was never chosen");
    }
}
