using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>Runs <see cref="DeckParseBenchmarks"/> through <see cref="ShortBenchmarkRun"/>.</summary>
internal static class DeckParseFigure
{
    public static Task<IReadOnlyList<Figure>> RunAsync()
    {
        var generated = DeckParseBenchmarks.Generate(File.ReadAllText(DeckParseBenchmarks.CoursePath), 10_000);
        var check = DeckParser.ParseText("generated.md", generated);
        if (check.Deck is null || check.Deck.Questions.Count != 10_000 || check.Errors.Count > 0)
            throw new InvalidOperationException($"generated deck has {check.Deck?.Questions.Count} questions and {check.Errors.Count} errors");

        var mean = ShortBenchmarkRun.MeansOf<DeckParseBenchmarks>();
        var course = mean(nameof(DeckParseBenchmarks.CourseDeck));
        var large = mean(nameof(DeckParseBenchmarks.TenThousandQuestions));
        IReadOnlyList<Figure> figures =
        [
            new("deck parse: the course deck (38 questions), BenchmarkDotNet mean", "—", Stats.Ms(course), "—", "≤ 20 ms", course <= 20),
            new("deck parse: generated 10,000-question deck, BenchmarkDotNet mean", $"course deck × 263: {Stats.Ms(course * 10_000 / 38)}", Stats.Ms(large), Stats.Ratio(large, course * 10_000 / 38), "≤ 1 s", large <= 1000),
        ];
        return Task.FromResult(figures);
    }
}
