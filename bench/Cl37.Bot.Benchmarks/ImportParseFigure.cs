using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>Runs <see cref="ImportParseBenchmarks"/> with BenchmarkDotNet (in-process, short job).</summary>
internal static class ImportParseFigure
{
    public static Task<IReadOnlyList<Figure>> RunAsync()
    {
        var (_, gift, xml) = ImportParseBenchmarks.Files();
        foreach (var (name, bytes) in new[] { ("generated.gift", gift), ("generated.xml", xml) })
        {
            var check = DeckLoader.ParseFile(name, bytes);
            if (check.Deck is null || check.Deck.Questions.Count != 10_000 || check.Errors.Count > 0)
                throw new InvalidOperationException($"{name} has {check.Deck?.Questions.Count} questions and {check.Errors.Count} errors: {check.Errors.FirstOrDefault()}");
        }

        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cl37-bdn"));
        var summary = BenchmarkRunner.Run<ImportParseBenchmarks>(config);
        double Mean(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Mean / 1e6;
        var markdown = Mean(nameof(ImportParseBenchmarks.MarkdownTenThousand));
        var giftMs = Mean(nameof(ImportParseBenchmarks.GiftTenThousand));
        var xmlMs = Mean(nameof(ImportParseBenchmarks.MoodleXmlTenThousand));
        var sizes = $"files: GIFT {gift.Length / 1e6:0.0} MB, Moodle XML {xml.Length / 1e6:0.0} MB";
        IReadOnlyList<Figure> figures =
        [
            new("deck import: 10,000-question GIFT file, BenchmarkDotNet mean", $"same deck as Markdown: {Stats.Ms(markdown)}", Stats.Ms(giftMs), Stats.Ratio(giftMs, markdown), "≤ 1 s", giftMs <= 1000, sizes),
            new("deck import: 10,000-question Moodle XML file, BenchmarkDotNet mean", $"same deck as Markdown: {Stats.Ms(markdown)}", Stats.Ms(xmlMs), Stats.Ratio(xmlMs, markdown), "≤ 1 s", xmlMs <= 1000, sizes),
        ];
        return Task.FromResult(figures);
    }
}
