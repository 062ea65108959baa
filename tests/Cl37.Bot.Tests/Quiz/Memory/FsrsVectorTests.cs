// The vectors in Samples/fsrs/ts-fsrs-5.4.2-vectors.json were made once, outside the repository, with
// ts-fsrs 5.4.2 from npm (FSRS-6, its 21 default weights):
//   fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false,
//                              request_retention: 0.9, maximum_interval: 36500 }))
// enable_short_term: false picks ts-fsrs's LongTermScheduler: no learning or relearning steps, every
// card in review from its first answer, and a same-day review (elapsed 0 whole UTC days) goes through
// the long-term formulas with R = 1 rather than the short-term ones (w17…w19 unused). enable_fuzz:
// false keeps each interval the rounded one. 260 seeded random sequences of 1–16 reviews: the first
// 210 graded Again/Good only (the bot's binary grading), the last 50 with all four grades; gaps of a few
// hours (same day or just past midnight), around the due date, or up to 120 days. Each step records the
// elapsed whole days and the retrievability ts-fsrs used, and the stability, difficulty and interval
// after the review (f.next(card, now, rating)). ts-fsrs rounds its intermediate values to 8 decimals;
// we do not, so values agree to 1e-6 (absolute up to 1, relative above: stability runs to years of
// days) rather than exactly.
using System.Globalization;
using System.Text.Json;
using Cl37.Bot.Quiz.Memory;
using Xunit.Abstractions;

namespace Cl37.Bot.Tests.Quiz.Memory;

public sealed class FsrsVectorTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Review_TsFsrsVectors_MatchStabilityDifficultyRetrievabilityAndInterval()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "fsrs", "ts-fsrs-5.4.2-vectors.json")));
        var w = doc.RootElement.GetProperty("parameters").GetProperty("w").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(FsrsParameters.Default.W, w);
        var fsrs = Fsrs.Default;
        var sequences = doc.RootElement.GetProperty("sequences").EnumerateArray().ToList();
        Assert.True(sequences.Count >= 200);

        double worst = 0;
        var steps = 0;
        foreach (var (sequence, n) in sequences.Select((s, i) => (s, i)))
        {
            MemoryState? state = null;
            foreach (var step in sequence.GetProperty("steps").EnumerateArray())
            {
                var at = DateTime.Parse(step.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                var rating = (Rating)step.GetProperty("rating").GetInt32();
                var where = $"sequence {n}, step {steps}";
                if (state is not null)
                {
                    var elapsed = Fsrs.ElapsedDays(state.LastReviewUtc, at);
                    Assert.Equal(step.GetProperty("elapsedDays").GetInt32(), elapsed);
                    worst = Math.Max(worst, Check(step.GetProperty("retrievability").GetDouble(), fsrs.Retrievability(elapsed, state.Stability), where + " R"));
                }
                state = fsrs.Review(state, at, rating);
                worst = Math.Max(worst, Check(step.GetProperty("stability").GetDouble(), state.Stability, where + " S"));
                worst = Math.Max(worst, Check(step.GetProperty("difficulty").GetDouble(), state.Difficulty, where + " D"));
                Assert.True(step.GetProperty("intervalDays").GetInt32() == state.IntervalDays, $"{where} interval");
                steps++;
            }
        }
        Assert.True(steps > 2000, $"{steps} steps");
        output.WriteLine($"{sequences.Count} sequences, {steps} reviews, largest difference {worst:E2}");
        Assert.True(worst <= Tolerance, $"largest difference {worst:E2}");
    }

    [Fact]
    public void Retrievability_AtStability_IsNinetyPercent()
    {
        Assert.Equal(0.9, Fsrs.Default.Retrievability(12.5, 12.5), 12);
        Assert.Equal(1, Fsrs.Default.Interval(1.0));
    }

    private static double Check(double expected, double actual, string where)
    {
        var difference = Math.Abs(expected - actual) / Math.Max(1, Math.Abs(expected));
        Assert.True(difference <= Tolerance, $"{where}: ts-fsrs {expected}, ours {actual}");
        return difference;
    }
}
