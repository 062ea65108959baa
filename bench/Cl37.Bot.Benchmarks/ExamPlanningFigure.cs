using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Memory;

namespace Cl37.Bot.Benchmarks;

/// <summary>Exam planning for 10,000 people × 1,000 questions, everyone with an FSRS memory of 90 % of
/// the deck (9,000,000 memories). The group's exam pick — everyone's recall of every question at the
/// exam date, then the channel's choice — runs before every scheduled post: target under 1 s. A
/// practice pick — for one person and every question, how much practising it now raises recall at the
/// exam — runs when that person asks: target under 1 ms a person, measured over all 10,000 in a row
/// against the same picks worked out by a full <see cref="Fsrs.Review"/> (every grade's stability and
/// interval), as the planner did at first.</summary>
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

        // The group's plan runs before every scheduled post: everyone's recall of every question at the exam.
        string GroupPlan()
        {
            var recall = QuestionSelector.GroupRecall(flat, exam);
            return selector.Choose(pool, asked, recall, new ExamPace(30)).Id;
        }

        // A practice pick runs for one person when they ask; the figure runs it for all 10,000 in a row.
        string PracticePicks(Func<IReadOnlyList<Question>, Dictionary<string, MemoryState>, Question> practice)
        {
            var picks = new int[questions];
            foreach (var person in memories)
                picks[int.Parse(practice(pool, person).Id.AsSpan(2), CultureInfo.InvariantCulture)]++;
            return string.Join(',', picks);
        }

        Question Current(IReadOnlyList<Question> p, Dictionary<string, MemoryState> m) => PracticeService.ChooseForExam(p, m, facilities, now, exam);
        Question Full(IReadOnlyList<Question> p, Dictionary<string, MemoryState> m) => ChooseWithFullReviews(p, m, facilities, now, exam);

        var groupPick = GroupPlan();
        var (groupTimes, groupCpu) = Measure(GroupPlan, groupPick, runs);
        var expected = PracticePicks(Full);
        var (times, cpu) = Measure(() => PracticePicks(Current), expected, runs);
        var (baselines, baselineCpu) = Measure(() => PracticePicks(Full), expected, 1);
        var median = Stats.Percentile(cpu, 50);
        var baseline = Stats.Percentile(baselineCpu, 50);
        var perPerson = median / people;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var cpuNote = $"one thread; CPU time of the process, since the wall time follows the machine's load ({load} at the end)";
        return Task.FromResult<IReadOnlyList<Figure>>([
            new Figure(
                $"exam planning: the group's pick from {people:N0} people × {questions:N0} questions ({flat.Count:N0} memories), recall of each at the exam date",
                "—", $"CPU median of {runs}: {Stats.Ms(Stats.Percentile(groupCpu, 50))} (max {Stats.Ms(groupCpu[^1])}); wall median {Stats.Ms(Stats.Percentile(groupTimes, 50))}", "—", "< 1 s", groupCpu[^1] < 1000, cpuNote),
            new Figure(
                $"exam practice pick: one person, {questions:N0} questions (all {people:N0} people in a row)",
                $"with full FSRS reviews: {Stats.Ms(baseline / people)} a person",
                $"{perPerson.ToString("0.000", CultureInfo.InvariantCulture)} ms a person (all: CPU median {Stats.Ms(median)}, max {Stats.Ms(cpu[^1])})", Stats.Ratio(median, baseline), "< 1 ms", cpu[^1] / people < 1,
                $"{cpuNote}; the same picks as the baseline, checked"),
        ]);
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
