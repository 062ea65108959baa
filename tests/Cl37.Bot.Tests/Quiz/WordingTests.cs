using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Playground.Rendering;
using Cl37.Bot.Platforms.Playground.Wire;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Quiz;

/// <summary>Words people read that used to mislead: labels, tallies, dates and accuracy.</summary>
public sealed class WordingTests : IAsyncLifetime
{
    private readonly QuizApp _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Title_McqAndMsqOfTheSameNumber_AreNamedByTheirSection()
    {
        var deck = TestDeck.Deck();
        var mcq1 = deck.Questions.Single(q => q.Id == "test/mcq/1");
        var msq1 = deck.Questions.Single(q => q.Id == "test/msq/1");

        Assert.Equal("MCQ 1 · single choice · serialization", QuestionCards.Title(mcq1));
        Assert.Equal("MSQ 1 · select all that apply · scaling", QuestionCards.Title(msq1));
        Assert.StartsWith("Numerical 1 ·", QuestionCards.Title(deck.Questions.Single(q => q.Kind == QuestionKind.Numerical)));
        Assert.StartsWith("Fill 1 ·", QuestionCards.Title(deck.Questions.Single(q => q.Kind == QuestionKind.FillIn)));
    }

    [Fact]
    public async Task Practice_PrivateQuestion_CarriesNoTally()
    {
        var reply = await _app.RunAsync("/quiz practice", QuizApp.User("dora"));

        Assert.True(reply.Private);
        Assert.DoesNotContain("answered", reply.Text);
        Assert.False(Assert.IsType<QuestionCard>(reply.Card).ShowTally);
        // As Teams and the playground render it.
        Assert.DoesNotContain("answered", RenderedForTeams(reply));
        var dto = PlaygroundMessageMapper.ToDto(reply, "1", 1, DateTimeOffset.UnixEpoch, null);
        Assert.Null(Assert.IsType<QuestionCardDto>(dto.Card).AnsweredCount);
    }

    private static string RenderedForTeams(OutgoingMessage message) => AdaptiveCardRenderer.RenderPrivate(message).ToJsonString();

    [Fact]
    public async Task Competition_StartAndShow_SayTheEndTheSameWay()
    {
        var admin = QuizApp.User("admin", admin: true);
        var started = await _app.RunAsync("/competition start Sprint 2026-12-31", admin);
        var shown = await _app.RunAsync("/competition show", admin);

        const string end = "until the end of 2026-12-31 (UTC)";
        Assert.Contains(end, started.Text);
        Assert.Contains(end, shown.Text);
        Assert.DoesNotContain("2027-01-01", shown.Text);
    }

    [Fact]
    public async Task Stats_OnlyPracticeAnswers_AccuracyIsNotFlattered()
    {
        var practice = await _app.RunAsync("/quiz practice", QuizApp.User("sam"));
        var card = Assert.IsType<QuestionCard>(practice.Card);
        var question = TestDeck.Library().FindQuestion(card.QuestionId)!;
        await _app.AnswerAsync(card.PostId, "sam", question.CorrectKeys.Count > 0 ? [.. question.CorrectKeys] : [question.AnswerText]);

        var stats = await _app.RunAsync("/stats", QuizApp.User("sam"));

        Assert.Contains("Scored answers: 0", stats.Text);
        Assert.Contains("practice answers: 1 (1 right)", stats.Text);
        Assert.DoesNotContain("100%", stats.Text);
        Assert.DoesNotContain("**By type**", stats.Text);
    }

    [Fact]
    public void RevealText_TypedAnswers_DoNotRepeatTheAnswerAsItsOwnKey()
    {
        var fill = TestDeck.Deck().Questions.Single(q => q.Kind == QuestionKind.FillIn);
        var reveal = RevealMessages.Card(7, fill, [("Pod", true, 1200, "Ann"), ("Node", false, 3000, "Ben")]);

        var text = RevealMessages.Text(reveal);

        Assert.Contains("✅ Pod — 1 (50%)", text);
        Assert.DoesNotContain("Pod) Pod", text);
        Assert.DoesNotContain("Node) Node", text);
    }
}
