using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Messages;

/// <summary>What a person reads after answering, and what the channel reads in a reveal.</summary>
public sealed class FeedbackWordingTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Question Mcq = TestDeck.Deck().Questions[0];
    private static readonly Question Msq = TestDeck.Deck().Questions[2];
    private static readonly Question Fill = TestDeck.Deck().Questions[4];

    private static string Reply(Question q, string picked, bool practicePost)
    {
        var grade = Grader.Grade(q, [picked]);
        var score = new ScoredAnswer(!practicePost, practicePost ? 0 : grade.Points, 0, 0, 1, 1, new MemoryState(1, 5, Now, 1));
        var stored = new StoredAnswer(1, grade.Recorded, score.Points, grade.IsCorrect, score.Practice, score);
        return AnswerReplies.For(new AnswerResult.Recorded(q, stored, grade.Parts, practicePost, HideResults: false, grade.Points)).Text;
    }

    [Fact]
    public void For_PracticeMultipleSelectPartlyRight_SaysWhichPartsWithoutPoints()
    {
        var text = Reply(Msq, "A, B, D", practicePost: true);

        Assert.Contains("\n\n🟡 2 of 3 right options, 1 wrong pick.\n", text);
        Assert.DoesNotContain("Not right", text);
    }

    [Fact]
    public void For_PracticeSingleChoiceRight_IsCorrectWithoutPoints() =>
        Assert.Contains("\n\n✅ Correct\n", Reply(Mcq, "B", practicePost: true));

    [Fact]
    public void For_WrongSingleChoicePick_SaysWhyThatOptionIsWrong()
    {
        var text = Reply(Mcq, "A", practicePost: false);

        Assert.EndsWith("\n**Answer:** B) Option B\n**Why:** Because B.\n**Why not A:** A is wrong.", text);
    }

    [Fact]
    public void For_WrongPickWithoutAReason_AddsNothing() =>
        Assert.DoesNotContain("Why not", Reply(Mcq, "C", practicePost: false));

    [Fact]
    public void KeyAndWhy_ExplanationIsAList_StartsTheListOnItsOwnLine()
    {
        var q = Msq with { Explanation = "- A) scales out\n- B) scales up" };

        Assert.Equal("\n**Answer:** A) Option A, B) Option B, C) Option C\n**Why:**\n- A) scales out\n- B) scales up", QuestionCards.KeyAndWhy(q));
    }

    [Fact]
    public void KeyAndWhy_ExplanationIsASentence_StaysOnTheLabelsLine() =>
        Assert.EndsWith("\n**Why:** A, B and C scale.", QuestionCards.KeyAndWhy(Msq));

    [Fact]
    public void Card_TypedAnswersThatGradeTheSame_AreOneLineUnderTheCommonestSpelling()
    {
        var reveal = RevealMessages.Card(1, Fill,
        [
            ("the Pod", true, 900, "Ann"), ("pod", true, 1200, "Ben"), ("pod", true, 1500, "Cy"),
            ("POST", false, 2000, "Dee"), ("the Post", false, 2100, "Eve"),
        ]);

        Assert.Equal([("pod", 3, true), ("POST", 2, false)], reveal.Options.Select(o => (o.Text, o.Count, o.IsCorrect)));
        Assert.Contains("\n✅ pod — 3 (60%)\n▫️ POST — 2 (40%)", RevealMessages.Text(reveal));
    }

    [Fact]
    public void Card_NobodyAnswered_SaysSoInsteadOfZeroOfZero()
    {
        var reveal = RevealMessages.Card(1, Mcq, []);

        Assert.Equal("Nobody answered", reveal.Outcome);
        Assert.EndsWith("\n\nNobody answered.", RevealMessages.Text(reveal));
        Assert.DoesNotContain("0 of 0", RevealMessages.Text(reveal));
    }

    [Fact]
    public void Card_SomeAnswered_CountsTheRightOnes() =>
        Assert.Equal("1 of 2 correct", RevealMessages.Card(1, Mcq, [("B", true, 900, "Ann"), ("A", false, 900, "Ben")]).Outcome);
}
