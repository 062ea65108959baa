using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;

namespace Cl37.Bot.Benchmarks;

/// <summary>Exam planning for 10,000 people × 1,000 questions, everyone with an FSRS memory of 90 % of
/// the deck (9,000,000 memories), target under 1 s: the group's exam pick (everyone's recall of every
/// question at the exam date, then the channel's choice) and each person's practice pick (for every
/// person and question, how much practising it now raises recall at the exam) — the forecasts the
/// product runs when it plans. Baseline: the same picks with each practice outcome worked out by a full
/// <see cref="Fsrs.Review"/> (every grade's stability and interval), as the planner did at first.</summary>
internal static class ExamPlanningFigure
{
    public static Task<IReadOnlyList<Figure>> RunAsync(int people = 10_000, int questions = 1_000, int runs = 3)
    {
        var random = new Random(37);
        var pool = Enumerable.Range(0, questions).Select(MakeQuestion).ToList();
        var now = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var exam = now.AddDays(21);
        var memories = new Dictionary<string, MemoryState>[people];
        var flat = new List<(string QuestionId, double Stability, DateTime LastReviewUtc)>(people * questions);
        var facilities = new Facilities(pool.ToDictionary(q => q.Id, _ => (20, random.Next(4, 19)), StringComparer.Ordinal));
        for (var p = 0; p < people; p++)
        {
            memories[p] = new Dictionary<string, MemoryState>(StringComparer.Ordinal);
            foreach (var q in pool)
            {
                if (random.NextDouble() >= 0.9)
                    continue;
                var m = new MemoryState(0.5 + random.NextDouble() * 40, 1 + random.NextDouble() * 9, now.AddDays(-random.NextDouble() * 30), 1 + random.Next(30));
                memories[p][q.Id] = m;
                flat.Add((q.Id, m.Stability, m.LastReviewUtc));
            }
        }
        var selector = new QuestionSelector(new DeckLibrary([], []), TimeProvider.System, new Random(3));
        var asked = pool.Select(q => q.Id).ToList();

        string Plan(Func<IReadOnlyList<Question>, Dictionary<string, MemoryState>, Question> practice)
        {
            var recall = QuestionSelector.GroupRecall(flat, exam);
            var groupPick = selector.Choose(pool, asked, recall, new ExamPace(30));
            var picks = new int[questions];
            foreach (var person in memories)
                picks[int.Parse(practice(pool, person).Id.AsSpan(2), CultureInfo.InvariantCulture)]++;
            return $"{groupPick.Id}:{string.Join(',', picks)}";
        }

        Question Current(IReadOnlyList<Question> p, Dictionary<string, MemoryState> m) => PracticeService.ChooseForExam(p, m, facilities, now, exam);
        Question Full(IReadOnlyList<Question> p, Dictionary<string, MemoryState> m) => ChooseWithFullReviews(p, m, facilities, now, exam);

        var expected = Plan(Full);
        var (times, cpu) = Measure(() => Plan(Current), expected, runs);
        var (baselines, baselineCpu) = Measure(() => Plan(Full), expected, 1);
        var median = Stats.Percentile(cpu, 50);
        var baseline = Stats.Percentile(baselineCpu, 50);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return Task.FromResult<IReadOnlyList<Figure>>([new Figure(
            $"exam planning: {people:N0} people × {questions:N0} questions ({flat.Count:N0} memories): the group's exam pick and every person's practice pick",
            $"with full FSRS reviews: CPU {Stats.Ms(baseline)} (wall {Stats.Ms(baselines[0])})",
            $"CPU median of {runs}: {Stats.Ms(median)} (max {Stats.Ms(cpu[^1])}); wall median {Stats.Ms(Stats.Percentile(times, 50))}", Stats.Ratio(median, baseline), "< 1 s", cpu[^1] < 1000,
            $"one thread; the same picks as the baseline, checked; CPU time of the process, since the wall time follows the machine's load ({load} at the end)")]);
    }

    /// <summary>Wall and process CPU times of each run, each list sorted.</summary>
    private static (List<double> Wall, List<double> Cpu) Measure(Func<string> plan, string expected, int runs)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = plan();
            times.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (result != expected)
                throw new InvalidOperationException("the planner picked differently from the baseline");
        }
        times.Sort();
        cpu.Sort();
        return (times, cpu);
    }

    private static Question ChooseWithFullReviews(IReadOnlyList<Question> pool, IReadOnlyDictionary<string, MemoryState> memories, Facilities facilities, DateTime nowUtc, DateTime examUtc)
    {
        var fsrs = Fsrs.Default;
        var best = pool[0];
        var bestGain = double.NegativeInfinity;
        foreach (var q in pool)
        {
            var memory = memories.GetValueOrDefault(q.Id);
            var facility = facilities.Of(q.Id);
            var p = ExamPlanning.RecallAt(fsrs, memory, nowUtc, facility);
            var right = fsrs.Review(memory, nowUtc, Rating.Good);
            var wrong = fsrs.Review(memory, nowUtc, Rating.Again);
            var gain = p * fsrs.Retrievability(right, examUtc) + (1 - p) * fsrs.Retrievability(wrong, examUtc) - ExamPlanning.RecallAt(fsrs, memory, examUtc, facility);
            if (gain > bestGain)
                (best, bestGain) = (q, gain);
        }
        return best;
    }

    private static Question MakeQuestion(int i) => new(
        string.Create(CultureInfo.InvariantCulture, $"q/{i}"), "bench", "mcq", i, QuestionKind.SingleChoice, "?", [], ["A"], "", new Dictionary<string, string>(),
        null, [], "A", [], [], string.Create(CultureInfo.InvariantCulture, $"topic {i % 20}"), "bench.md", i);
}
