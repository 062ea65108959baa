using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Tests.Fakes;
using Xunit.Abstractions;

namespace Cl37.Bot.Tests.Quiz.Memory;

/// <summary>The forecast is honest: simulated learners whose forgetting is known (FSRS-6 with the
/// default weights, each learner's stability scaled by a seeded log-normal factor, σ = 0.2, that the
/// model does not know) answer at random times; the recall predicted before each answer is compared
/// with what happened. And the exam-date picking is compared with the usual rotation on the same
/// simulated group. Both figures are in docs/learning.md.</summary>
public sealed class ForecastHonestyTests(ITestOutputHelper output)
{
    private static readonly DateTime Start = new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Retrievability_SimulatedLearners_CalibratedWithinFivePoints()
    {
        var fsrs = Fsrs.Default;
        var rng = new Random(20261207);
        var bins = new (double Predicted, double Observed, int N)[10];
        for (var learner = 0; learner < 300; learner++)
        {
            var k = Math.Exp(0.2 * Normal(rng));
            for (var item = 0; item < 20; item++)
            {
                var at = Start.AddHours(rng.Next(0, 24 * 14));
                var memory = fsrs.Review(null, at, rng.NextDouble() < 0.6 ? Rating.Good : Rating.Again);
                for (var review = 0; review < 10; review++)
                {
                    at = memory.LastReviewUtc.AddDays(memory.IntervalDays * (0.3 + 1.7 * rng.NextDouble()) + rng.NextDouble());
                    var predicted = fsrs.Retrievability(memory, at);
                    var truth = fsrs.Retrievability((at - memory.LastReviewUtc).TotalDays, memory.Stability * k);
                    var right = rng.NextDouble() < truth;
                    var b = Math.Min(9, (int)(predicted * 10));
                    bins[b] = (bins[b].Predicted + predicted, bins[b].Observed + (right ? 1 : 0), bins[b].N + 1);
                    memory = fsrs.Review(memory, at, right ? Rating.Good : Rating.Again);
                }
            }
        }
        var used = bins.Where(b => b.N >= 50).ToList();
        var total = used.Sum(b => b.N);
        var rmse = Math.Sqrt(used.Sum(b => b.N * Math.Pow(b.Predicted / b.N - b.Observed / b.N, 2)) / total);
        foreach (var b in used)
            output.WriteLine($"predicted {b.Predicted / b.N:0.000} observed {b.Observed / b.N:0.000} n {b.N}");
        output.WriteLine($"{total} predictions, RMSE of binned predictions {rmse:0.0000}");
        Assert.True(rmse < 0.05, $"RMSE {rmse:0.0000}");
    }

    [Fact]
    public void ExamPicking_SimulatedGroup_BeatsTheUsualRotationAtTheExam()
    {
        double usual = 0, exam = 0;
        for (var seed = 1; seed <= 5; seed++)
        {
            usual += Run(seed, aimAtExam: false);
            exam += Run(seed, aimAtExam: true);
        }
        usual /= 5;
        exam /= 5;
        output.WriteLine($"expected recall at the exam: usual rotation {usual:0.0000}, exam-date picking {exam:0.0000}");
        Assert.True(exam > usual, $"{exam:0.0000} vs {usual:0.0000}");
    }

    /// <summary>30 learners, a deck of 40, one daily post for 60 days before the exam; everyone
    /// answers every post (right with their true recall; a question never seen is known with 50 %
    /// chance). Returns the true mean recall over learners and questions at the exam.</summary>
    private static double Run(int seed, bool aimAtExam)
    {
        const int Learners = 30, Questions = 40, Days = 60;
        var fsrs = Fsrs.Default;
        var rng = new Random(seed);
        var template = TestDeck.Deck().Questions[0];
        var pool = Enumerable.Range(0, Questions).Select(i => template with { Id = $"q{i}", Topic = $"t{i % 5}" }).ToList();
        var selector = new QuestionSelector(TestDeck.Library(), TimeProvider.System, new Random(seed));
        var k = Enumerable.Range(0, Learners).Select(_ => Math.Exp(0.2 * Normal(rng))).ToArray();
        var memories = Enumerable.Range(0, Learners).Select(_ => new Dictionary<string, MemoryState>()).ToArray();
        var examUtc = Start.AddDays(Days);
        var asked = new List<string>();
        for (var day = 0; day < Days; day++)
        {
            var now = Start.AddDays(day);
            var at = aimAtExam ? examUtc : now;
            var recall = pool.Where(q => memories.Any(m => m.ContainsKey(q.Id))).ToDictionary(q => q.Id,
                q => memories.Where(m => m.ContainsKey(q.Id)).Average(m => fsrs.Retrievability(m[q.Id], at)));
            var question = selector.Choose(pool, asked, recall, aimAtExam ? new ExamPace(Days - day) : null);
            asked.Add(question.Id);
            for (var l = 0; l < Learners; l++)
            {
                var before = memories[l].GetValueOrDefault(question.Id);
                var p = before is null ? 0.5 : fsrs.Retrievability((now - before.LastReviewUtc).TotalDays, before.Stability * k[l]);
                memories[l][question.Id] = fsrs.Review(before, now.AddMinutes(rng.Next(1, 600)), rng.NextDouble() < p ? Rating.Good : Rating.Again);
            }
        }
        double sum = 0;
        for (var l = 0; l < Learners; l++)
        {
            foreach (var q in pool)
                sum += memories[l].TryGetValue(q.Id, out var m) ? fsrs.Retrievability((examUtc - m.LastReviewUtc).TotalDays, m.Stability * k[l]) : 0.5;
        }
        return sum / (Learners * Questions);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
