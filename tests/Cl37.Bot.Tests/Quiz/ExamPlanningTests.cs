using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Quiz;

public sealed class ExamPlanningTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Exam = Now.AddDays(20);
    private static readonly IReadOnlyList<Question> Pool = TestDeck.Deck().Questions;
    private static readonly Facilities NoAnswers = new(new Dictionary<string, (int, int)>());

    [Fact]
    public void ChooseForExam_StrongAndWeakMemories_PicksTheWeakOneAboutToFade()
    {
        var memories = Pool.ToDictionary(q => q.Id, q => new MemoryState(200, 3, Now.AddDays(-1), 200));
        memories[Pool[3].Id] = new MemoryState(1.5, 7, Now.AddDays(-6), 1);

        Assert.Equal(Pool[3].Id, PracticeService.ChooseForExam(Pool, memories, NoAnswers, Now, Exam).Id);
    }

    [Fact]
    public void Gain_PractisingAWeakMemory_RaisesRecallAtTheExam()
    {
        var weak = new MemoryState(2, 6, Now.AddDays(-5), 2);
        var fsrs = Fsrs.Default;

        Assert.True(ExamPlanning.Gain(fsrs, weak, Now, Exam, 0.5) > 0.05);
        Assert.True(ExamPlanning.RecallIfPractised(fsrs, weak, Now, Exam, 0.5) > ExamPlanning.RecallAt(fsrs, weak, Exam, 0.5));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-25", WeekDays.All, 2)]
    [InlineData("2026-11-23", "2026-11-30", WeekDays.MondayToFriday, 5)]
    [InlineData("2026-11-23", "2026-11-23", WeekDays.All, 0)]
    public void PostingDaysBefore_CountsPostingDaysUpToTheDayBefore(string from, string exam, int mask, int days) =>
        Assert.Equal(days, ExamCoverage.PostingDaysBefore(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(exam, System.Globalization.CultureInfo.InvariantCulture), mask));

    [Fact]
    public void Of_38QuestionsIn9DaysOneADay_29NeverAskedAndFiveADay()
    {
        // Monday 08:00, one post at 09:00: today's post and eight more days before Wednesday 2 December.
        var c = ExamCoverage.Of(38, 38, [9 * 60], WeekDays.All, new DateTime(2026, 11, 23, 8, 0, 0), new DateOnly(2026, 12, 2), []);

        Assert.Equal((9, 9, false, 29), (c.PostingDays, c.Posts, c.Covers, c.Uncovered));
        // Four a day (4 today + 32) leave 2 out; five (08:00 is past, so 4 today + 40) ask all 38.
        Assert.Equal(5, c.PerDayNeeded);
    }

    [Fact]
    public void Of_ThreeADayWithTodaysFirstPostDone_CountsTheTwoLeftToday()
    {
        var c = ExamCoverage.Of(38, 30, [9 * 60, 13 * 60, 18 * 60], WeekDays.All, new DateTime(2026, 11, 23, 10, 0, 0), new DateOnly(2026, 12, 2), [0]);

        Assert.Equal((2, 8, 26, 9, 4), (c.PostsToday, c.DaysAfterToday, c.Posts, c.PostingDays, c.Uncovered));
        Assert.Equal(4, c.PerDayNeeded);
    }

    [Fact]
    public void Of_MoreThanSixADayNeeded_NoPerDayAndTheRestAtSix()
    {
        var c = ExamCoverage.Of(100, 100, [9 * 60], WeekDays.All, new DateTime(2026, 11, 23, 20, 0, 0), new DateOnly(2026, 11, 26), []);

        Assert.Null(c.PerDayNeeded);
        Assert.Equal((2, 98, 88), (c.Posts, c.Uncovered, c.UncoveredAtMost));
    }

    [Fact]
    public void Choose_ExamPaceTight_AsksOnlyNeverAskedQuestions()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(3));
        var asked = new List<string> { Pool[0].Id, Pool[1].Id, Pool[2].Id };
        var recall = asked.ToDictionary(id => id, _ => 0.1);

        for (var i = 0; i < 20; i++)
        {
            var next = selector.Choose(Pool, asked, recall, new ExamPace(2));
            Assert.Contains(next.Id, new[] { Pool[3].Id, Pool[4].Id });
        }
    }

    [Fact]
    public void Choose_ExamDeckCovered_PicksWhatTheGroupWouldForgetByTheExam()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(3));
        var asked = Pool.Select(q => q.Id).ToList();
        var recall = Pool.ToDictionary(q => q.Id, _ => 0.9);
        recall[Pool[0].Id] = 0.4;
        recall[Pool[4].Id] = 0.3;

        // The last post is not repeated while the deck has others; next lowest instead.
        Assert.Equal(Pool[0].Id, selector.Choose(Pool, asked, recall, new ExamPace(10)).Id);
        Assert.Equal(Pool[4].Id, selector.Choose(Pool, [.. asked.Take(4), Pool[1].Id, Pool[2].Id, Pool[3].Id], recall, new ExamPace(10)).Id);
    }
}
