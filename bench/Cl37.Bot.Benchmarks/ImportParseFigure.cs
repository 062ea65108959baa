using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>Runs <see cref="ImportParseBenchmarks"/> through <see cref="ShortBenchmarkRun"/>.</summary>
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

        var mean = ShortBenchmarkRun.MeansOf<ImportParseBenchmarks>();
        var markdown = mean(nameof(ImportParseBenchmarks.MarkdownTenThousand));
        var giftMs = mean(nameof(ImportParseBenchmarks.GiftTenThousand));
        var xmlMs = mean(nameof(ImportParseBenchmarks.MoodleXmlTenThousand));
        var sizes = $"files: GIFT {gift.Length / 1e6:0.0} MB, Moodle XML {xml.Length / 1e6:0.0} MB";
        IReadOnlyList<Figure> figures =
        [
            new("deck import: 10,000-question GIFT file, BenchmarkDotNet mean", $"same deck as Markdown: {Stats.Ms(markdown)}", Stats.Ms(giftMs), Stats.Ratio(giftMs, markdown), "≤ 1 s", giftMs <= 1000, sizes),
            new("deck import: 10,000-question Moodle XML file, BenchmarkDotNet mean", $"same deck as Markdown: {Stats.Ms(markdown)}", Stats.Ms(xmlMs), Stats.Ratio(xmlMs, markdown), "≤ 1 s", xmlMs <= 1000, sizes),
        ];
        return Task.FromResult(figures);
    }
}
