using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Quiz.Analysis;

namespace Cl37.Bot.Benchmarks;

/// <summary><c>/quiz analysis</c>'s computation for 1,000 questions × 10,000 people, everyone
/// answering everything (10,000,000 responses), target under 1 s. Baseline: one pass that only sums
/// the scores, the least any analysis must do.</summary>
internal static class ItemAnalysisFigure
{
    public static Task<Figure> RunAsync(int items = 1_000, int people = 10_000, int runs = 5)
    {
        var (definitions, responses) = Generate(items, people, new Random(37));
        ItemAnalysis.Compute(definitions, responses.AsSpan(0, responses.Length / 10), people);

        var times = new List<double>();
        ItemStatistics[] stats = [];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            stats = ItemAnalysis.Compute(definitions, responses, people);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        if (stats.Length != items || stats.Any(s => s.Answers != people || s.Discrimination is null))
            throw new InvalidOperationException("the analysis lost responses");

        var baselines = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var sums = new double[items];
            foreach (ref readonly var r in responses.AsSpan())
                sums[r.Item] += r.Score;
            baselines.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(sums);
        }
        baselines.Sort();

        var median = Stats.Percentile(times, 50);
        var baseline = Stats.Percentile(baselines, 50);
        var flagged = stats.Count(s => s.Flags != ItemFlags.None);
        return Task.FromResult(new Figure($"item analysis: {items:N0} questions × {people:N0} people ({responses.Length:N0} responses)",
            $"sum of scores only: {Stats.Ms(baseline)}", $"median of {runs}: {Stats.Ms(median)} (max {Stats.Ms(times[^1])})", Stats.Ratio(median, baseline), "< 1 s", times[^1] < 1000,
            string.Create(CultureInfo.InvariantCulture, $"{flagged} questions flagged in the generated data")));
    }

    /// <summary>People of varying ability answer four-option questions of varying difficulty; a few
    /// questions have a key that strong people avoid, a few an option nobody picks.</summary>
    private static (ItemDefinition[] Items, ItemResponse[] Responses) Generate(int items, int people, Random random)
    {
        var definitions = new ItemDefinition[items];
        var difficulty = new double[items];
        for (var i = 0; i < items; i++)
        {
            definitions[i] = new ItemDefinition(4, 1 << random.Next(4), 1 + random.Next(3));
            difficulty[i] = random.NextDouble() * 4 - 2;
        }
        var ability = new double[people];
        for (var p = 0; p < people; p++)
            ability[p] = random.NextDouble() * 4 - 2;
        var responses = new ItemResponse[items * people];
        var n = 0;
        for (var p = 0; p < people; p++)
        {
            for (var i = 0; i < items; i++)
            {
                var right = random.NextDouble() < 1 / (1 + Math.Exp(difficulty[i] - ability[p]));
                var key = definitions[i].KeyMask;
                var choice = right ? key : 1 << ((System.Numerics.BitOperations.TrailingZeroCount(key) + 1 + random.Next(i % 10 == 0 ? 2 : 3)) % 4);
                responses[n++] = new ItemResponse(p, i, right ? 1 : 0, choice);
            }
        }
        return (definitions, responses);
    }
}
