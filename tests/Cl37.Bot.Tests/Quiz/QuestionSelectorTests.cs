using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Quiz;

public sealed class QuestionSelectorTests
{
    private static readonly IReadOnlyList<Question> Pool = TestDeck.Deck().Questions;

    [Fact]
    public void Choose_FreshDeck_NeverRepeatsUntilUsedUp()
    {
        var selector = new QuestionSelector(TestDeck.Library(), new Random(7));
        var asked = new List<string>();
        for (var i = 0; i < Pool.Count; i++)
            asked.Add(selector.Choose(Pool, asked, AllRight(asked)).Id);

        Assert.Equal(Pool.Count, asked.Distinct().Count());

        var next = selector.Choose(Pool, asked, AllRight(asked));
        Assert.Contains(next.Id, asked);
    }

    [Fact]
    public void Choose_MissedQuestion_ComesBackAfterTheGapBeforeTheRoundEnds()
    {
        var selector = new QuestionSelector(TestDeck.Library(), new Random(1));
        var missed = Pool[0].Id;
        var asked = new List<string> { missed };
        var results = new Dictionary<string, (int Answered, int Correct)> { [missed] = (10, 2) };

        for (var i = 0; i < QuestionSelector.MissedGap; i++)
        {
            var q = selector.Choose(Pool, asked, results);
            Assert.NotEqual(missed, q.Id);
            asked.Add(q.Id);
            results[q.Id] = (10, 9);
        }

        Assert.Equal(missed, selector.Choose(Pool, asked, results).Id);
        Assert.True(asked.Distinct().Count() < Pool.Count, "the missed question returned before the deck was used up");
    }

    [Fact]
    public void Choose_MissedQuestionAlreadyRepeated_WaitsForTheNextRound()
    {
        var selector = new QuestionSelector(TestDeck.Library(), new Random(3));
        var missed = Pool[0].Id;
        var asked = new List<string> { missed, Pool[1].Id, Pool[2].Id, Pool[3].Id, missed };
        var results = new Dictionary<string, (int Answered, int Correct)> { [missed] = (10, 1) };

        var next = selector.Choose(Pool, asked, results);

        Assert.Equal(Pool[4].Id, next.Id);
    }

    private static Dictionary<string, (int Answered, int Correct)> AllRight(IEnumerable<string> asked) =>
        asked.Distinct().ToDictionary(id => id, _ => (5, 5));
}
