using System.Globalization;
using System.Text;

namespace Cl37.Bot.Benchmarks;

internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var soakMinutes = double.TryParse(args.SkipWhile(a => a != "--soak-minutes").Skip(1).FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : 15;
        var figures = new List<(string Key, Func<Task<IReadOnlyList<Figure>>> Run)>
        {
            ("answers-burst", () => One(AnswerRecordingFigure.RunAsync(rounds: int.TryParse(Environment.GetEnvironmentVariable("CL37_BENCH_ROUNDS"), out var r) ? r : 3))),
            ("answers-1s", () => One(AnswerRecordingFigure.RunAsync(spreadMs: 1000))),
            ("leaderboard", () => One(LeaderboardFigure.RunAsync())),
            ("teams", () => One(TeamsInvokeFigure.RunAsync())),
            ("teams-burst", () => One(TeamsInvokeFigure.RunBurstAsync())),
            ("deck", DeckParseFigure.RunAsync),
            ("deck-import", ImportParseFigure.RunAsync),
            ("item-analysis", () => One(ItemAnalysisFigure.RunAsync())),
            ("regrade", () => One(RegradeFigure.RunAsync())),
            ("exam-planning", () => ExamPlanningFigure.RunAsync()),
            ("process", () => ProcessFigures.RunAsync()),
            ("gc-modes", () => ProcessFigures.GcModesAsync(int.TryParse(Environment.GetEnvironmentVariable("CL37_BENCH_GC_ROUNDS"), out var g) ? g : 2)),
            ("playground-streams", PlaygroundStreamsFigure.RunAsync),
            ("discord-gateway", () => One(DiscordGatewayFigure.RunAsync(spreadMs: 1000))),
            ("discord-gateway-at-once", () => One(DiscordGatewayFigure.RunAsync())),
            ("discord-gateway-2000", () => One(DiscordGatewayFigure.RunAsync(people: 2000, rounds: 1, spreadMs: 1000))),
            ("discord-gateway-2000-at-once", () => One(DiscordGatewayFigure.RunAsync(people: 2000, rounds: 1))),
            ("peers", PeersFigure.RunAsync),
            ("click-cpu", PeersFigure.RunClickCpuAsync),
            ("soak", () => SoakFigure.RunAsync(soakMinutes)),
        };

        var results = new List<Figure>();
        foreach (var (key, run) in figures)
        {
            if (only is not null && !key.Contains(only, StringComparison.OrdinalIgnoreCase))
                continue;
            // The soak lasts minutes (10 by default): it runs only when asked for by name.
            if (only is null && key == "soak")
                continue;
            Console.Error.WriteLine($"running {key}…");
            try
            {
                results.AddRange(await run());
            }
            catch (Exception ex)
            {
                results.Add(new Figure(key, "—", "failed: " + ex.Message, "—", "—", false));
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Cl37.Bot benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB():0.#} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        sb.AppendLine();
        sb.AppendLine("| figure | baseline | result | ratio | target | met | notes |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Baseline} | {f.Result} | {f.Ratio} | {f.Target} | {(f.Met is null ? "—" : f.Met.Value ? "yes" : "**no**")} | {f.Notes} |");
        Console.WriteLine(sb.ToString());
        var dir = Path.Combine(Machine.RepoRoot(), "bench", "results");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), sb.ToString());
        return results.All(r => r.Met != false) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<Figure>> One(Task<Figure> figure) => [await figure];
}
