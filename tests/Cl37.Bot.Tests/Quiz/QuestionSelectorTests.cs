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
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(7));
        var asked = new List<string>();
        for (var i = 0; i < Pool.Count; i++)
            asked.Add(selector.Choose(Pool, asked, Recall(AllRight(asked))).Id);

        Assert.Equal(Pool.Count, asked.Distinct().Count());

        var next = selector.Choose(Pool, asked, Recall(AllRight(asked)));
        Assert.Contains(next.Id, asked);
    }

    [Fact]
    public void Choose_MissedQuestion_ComesBackAfterTheGapBeforeTheRoundEnds()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(1));
        var missed = Pool[0].Id;
        var asked = new List<string> { missed };
        var results = new Dictionary<string, (int Answered, int Correct)> { [missed] = (10, 2) };

        for (var i = 0; i < QuestionSelector.MissedGap; i++)
        {
            var q = selector.Choose(Pool, asked, Recall(results));
            Assert.NotEqual(missed, q.Id);
            asked.Add(q.Id);
            results[q.Id] = (10, 9);
        }

        Assert.Equal(missed, selector.Choose(Pool, asked, Recall(results)).Id);
        Assert.True(asked.Distinct().Count() < Pool.Count, "the missed question returned before the deck was used up");
    }

    [Fact]
    public void Choose_MissedQuestionAlreadyRepeated_WaitsForTheNextRound()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(3));
        var missed = Pool[0].Id;
        var asked = new List<string> { missed, Pool[1].Id, Pool[2].Id, Pool[3].Id, missed };
        var results = new Dictionary<string, (int Answered, int Correct)> { [missed] = (10, 1) };

        var next = selector.Choose(Pool, asked, Recall(results));

        Assert.Equal(Pool[4].Id, next.Id);
    }

    [Fact]
    public void Choose_OnePersonSlips_NoReview()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(5));
        var slipped = Pool[0].Id;
        var asked = new List<string> { slipped, Pool[1].Id, Pool[2].Id, Pool[3].Id };
        var results = asked.ToDictionary(id => id, _ => (10, 10));
        results[slipped] = (10, 9);

        Assert.Equal(Pool[4].Id, selector.Choose(Pool, asked, Recall(results)).Id);
    }

    [Fact]
    public void Choose_GroupMissesEverything_FinishesThePassWithinOneThirdMore()
    {
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(11));
        var asked = new List<string>();
        var results = new Dictionary<string, (int Answered, int Correct)>();
        while (asked.Distinct().Count() < Pool.Count)
        {
            var q = selector.Choose(Pool, asked, Recall(results));
            asked.Add(q.Id);
            results[q.Id] = (results.GetValueOrDefault(q.Id).Answered + 4, 0);
        }

        // 5 questions: at most one review, after the first three new ones.
        Assert.InRange(asked.Count, Pool.Count, Pool.Count + (Pool.Count - 1) / QuestionSelector.NewBetweenReviews);
    }

    /// <summary>Simulated groups of any size and any mix of right and wrong answers, on decks of
    /// 1 to 45 questions: every pass asks the whole deck within 1.34 × N posts (so do the first
    /// 1.34 × N posts), no question comes twice in a row, reviews are never back to back, at most one
    /// post in four is a review, and a question is reviewed at most twice per pass.</summary>
    [Fact]
    public void Choose_SimulatedGroups_CoverTheDeckWithinBoundedReviews()
    {
        var rng = new Random(1837);
        for (var trial = 0; trial < 300; trial++)
        {
            var size = rng.Next(1, 46);
            var deck = Enumerable.Range(1, size).Select(n => Pool[0] with { Id = $"sim/q/{n}", Number = n }).ToList();
            var people = rng.Next(1, 30);
            // Per question, each person's chance to be right: anything from always wrong to always right.
            var mode = trial % 4;
            var chance = deck.ToDictionary(q => q.Id, _ => mode switch { 0 => 0.0, 1 => 1.0, 2 => rng.NextDouble() < 0.5 ? 0.0 : 0.95, _ => rng.NextDouble() });
            var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(trial));
            var asked = new List<string>();
            var results = new Dictionary<string, (int Answered, int Correct)>();
            var posts = 4 * size + 5;
            for (var i = 0; i < posts; i++)
            {
                var q = selector.Choose(deck, asked, Recall(results));
                asked.Add(q.Id);
                var answered = rng.Next(0, people + 1);
                var correct = Enumerable.Range(0, answered).Count(_ => rng.NextDouble() < chance[q.Id]);
                var before = results.GetValueOrDefault(q.Id);
                results[q.Id] = (before.Answered + answered, before.Correct + correct);
            }

            var bound = (int)Math.Floor(1.34 * size);
            Assert.True(asked.Take(bound).Distinct().Count() == size, $"trial {trial}: deck of {size} not covered in its first {bound} posts");
            var seen = new HashSet<string>();
            var reviewsThisPass = new Dictionary<string, int>();
            var passStart = 0;
            var lastReview = -NewBetweenReviewsGap;
            for (var i = 0; i < asked.Count; i++)
            {
                if (size > 1 && i > 0)
                    Assert.True(asked[i] != asked[i - 1], $"trial {trial}: {asked[i]} twice in a row at post {i}");
                if (seen.Add(asked[i]))
                {
                    if (seen.Count == size)
                    {
                        Assert.True(i - passStart + 1 <= bound, $"trial {trial}: a pass of {size} took {i - passStart + 1} posts");
                        seen.Clear();
                        reviewsThisPass.Clear();
                        passStart = i + 1;
                    }
                    continue;
                }
                Assert.True(i - lastReview >= NewBetweenReviewsGap, $"trial {trial}: reviews at posts {lastReview} and {i}");
                lastReview = i;
                reviewsThisPass[asked[i]] = reviewsThisPass.GetValueOrDefault(asked[i]) + 1;
                Assert.True(reviewsThisPass[asked[i]] <= QuestionSelector.MaxReviewsPerPass, $"trial {trial}: {asked[i]} reviewed 3 times in a pass");
            }
        }
    }

    private const int NewBetweenReviewsGap = QuestionSelector.NewBetweenReviews + 1;

    private static Dictionary<string, (int Answered, int Correct)> AllRight(IEnumerable<string> asked) =>
        asked.Distinct().ToDictionary(id => id, _ => (5, 5));

    // The share right stands in for the group's mean FSRS recall.
    private static Dictionary<string, double> Recall(Dictionary<string, (int Answered, int Correct)> results) =>
        results.Where(r => r.Value.Answered > 0).ToDictionary(r => r.Key, r => (double)r.Value.Correct / r.Value.Answered);
}
