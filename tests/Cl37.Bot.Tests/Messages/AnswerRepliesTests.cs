using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Messages;

public sealed class AnswerRepliesTests
{
    private static readonly Question Q = TestDeck.Deck().Questions[0];
    private static readonly DateTime Now = new(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);

    public static TheoryData<AnswerResult, string> Refusals => new()
    {
        { new AnswerResult.PostNotFound(), "I can't find that question any more. Use `/quiz practice` for a fresh one." },
        { new AnswerResult.RemovedFromDeck(), "That question was removed from the deck, so answers to it can't be graded." },
        { new AnswerResult.SomeoneElsesPractice(), "That practice question belongs to someone else. Use `/quiz practice` for your own." },
        { new AnswerResult.InvalidInput("Pick one of A, B, C, D."), "Pick one of A, B, C, D." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void For_Refused_SaysWhyPrivately(AnswerResult result, string text)
    {
        var reply = AnswerReplies.For(result);

        Assert.True(reply.Private);
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public void For_ScoredWithBonuses_NamesTheTotal()
    {
        var reply = AnswerReplies.For(Recorded(Fresh(streakBonus: 1, speedBonus: 2)));

        Assert.Equal("Answer recorded: **B**.\n\n✅ Correct: 10 points. With bonuses: 13 points." + QuestionCards.KeyAndWhy(Q), reply.Text);
    }

    [Fact]
    public void For_ScoredWithoutBonuses_IsTheGradersWordsAlone()
    {
        var reply = AnswerReplies.For(Recorded(Fresh()));

        Assert.Equal("Answer recorded: **B**.\n\n✅ Correct: 10 points." + QuestionCards.KeyAndWhy(Q), reply.Text);
    }

    [Fact]
    public void For_ResultsHidden_WaitsForTheReveal()
    {
        var reply = AnswerReplies.For(Recorded(Fresh(), hideResults: true));

        Assert.Equal("Answer recorded: **B**.\nResults are revealed when the question closes.", reply.Text);
    }

    [Fact]
    public void For_Late_IsPracticeWithItsVerdictEvenWhenResultsAreHidden()
    {
        var late = Fresh(scored: false);
        var reply = AnswerReplies.For(Recorded(late, hideResults: true));

        Assert.Equal("The answers for this question have closed, so this counts as practice only: **B**.\n\n✅ Correct" + QuestionCards.KeyAndWhy(Q), reply.Text);
    }

    [Fact]
    public void For_PracticePost_IsNotScored()
    {
        var reply = AnswerReplies.For(Recorded(Fresh(scored: false), practicePost: true));

        Assert.StartsWith("Practice answer recorded: **B** (not scored).\n\n✅ Correct\n", reply.Text);
    }

    [Fact]
    public void For_Repeat_ShowsTheFirstAnswerAndItsVerdict()
    {
        var first = new StoredAnswer(1, "A", 0, false, false, null);
        var reply = AnswerReplies.For(new AnswerResult.Recorded(Q, first, null, PracticePost: false, HideResults: false, GradePoints: 0));

        Assert.Equal("You already answered this one — your first answer counts: **A**.\n\n❌ Not right: 0 points." + QuestionCards.KeyAndWhy(Q) + "\n**Why not A:** A is wrong.", reply.Text);
    }

    private static ScoredAnswer Fresh(bool scored = true, double streakBonus = 0, double speedBonus = 0) =>
        new(scored, scored ? 10 : 0, streakBonus, speedBonus, 1, 1, new MemoryState(2.3065, 2.1, Now, 3));

    private static AnswerResult.Recorded Recorded(ScoredAnswer score, bool practicePost = false, bool hideResults = false) =>
        new(Q, new StoredAnswer(1, "B", score.Points, true, score.Practice, score), null, practicePost, hideResults, GradePoints: 10);

    public static TheoryData<QuestionKind, string, string> Grades => new()
    {
        { QuestionKind.MultipleSelect, "A, B, C", "✅ All 3 right options and no wrong pick: 10 points." },
        { QuestionKind.MultipleSelect, "A, B, D", "🟡 2 of 3 right options, 1 wrong pick: 3.33 points." },
        { QuestionKind.MultipleSelect, "A, D, E", "❌ 1 of 3 right options, 2 wrong picks: 0 points." },
        { QuestionKind.Numerical, "12, 3", "✅ Correct: 10 points." },
        { QuestionKind.Numerical, "12, 4", "❌ Not right (1 of 2 parts right): 0 points." },
        { QuestionKind.SingleChoice, "A", "✅ Correct: 10 points." },
        { QuestionKind.SingleChoice, "C", "❌ Not right: 0 points." },
    };

    [Theory]
    [MemberData(nameof(Grades))]
    public void For_ScoredAnswerAsTheGraderGradedIt_SaysHowThePointsCameAbout(QuestionKind kind, string typed, string line)
    {
        var question = kind switch
        {
            QuestionKind.MultipleSelect => Question(kind, "A", "B", "C") with { Options = [.. "ABCDE".Select(k => new QuestionOption(k.ToString(), "Option " + k))] },
            QuestionKind.Numerical => Question(kind) with { NumericParts = [new NumericPart("memory", 12, null, 0, 0.01), new NumericPart("time", 3, null, 0, 0.01)] },
            _ => Question(kind, "A") with { Options = [.. "ABCD".Select(k => new QuestionOption(k.ToString(), "Option " + k))] },
        };
        var grade = Cl37.Bot.Quiz.Grading.Grader.Grade(question, [typed]);
        Assert.True(grade.IsValid, grade.Error);
        var score = new ScoredAnswer(true, grade.Points, 0, 0, 1, 1, new MemoryState(2.3065, 2.1, Now, 3));

        var reply = AnswerReplies.For(new AnswerResult.Recorded(question, new StoredAnswer(1, grade.Recorded, score.Points, grade.IsCorrect, false, score), grade.Parts, false, false, grade.Points));

        Assert.Contains("\n\n" + line + "\n", reply.Text);
    }

    private static Question Question(QuestionKind kind, params string[] correct) => TestDeck.Deck().Questions.First(q => q.Kind == kind) with { CorrectKeys = correct };
}
