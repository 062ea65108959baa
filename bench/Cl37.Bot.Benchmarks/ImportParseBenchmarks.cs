using System.Text;
using BenchmarkDotNet.Attributes;
using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>Loading 10,000 questions from GIFT and from Moodle XML: the generated 10,000-question
/// Markdown deck written out by the bot's own exporter, so all three hold the same questions.</summary>
[MemoryDiagnoser]
public class ImportParseBenchmarks
{
    private byte[] _markdown = [];
    private byte[] _gift = [];
    private byte[] _xml = [];

    public static (byte[] Markdown, byte[] Gift, byte[] Xml) Files()
    {
        var markdown = DeckParseBenchmarks.Generate(File.ReadAllText(DeckParseBenchmarks.CoursePath), 10_000);
        var deck = DeckParser.ParseText("generated.md", markdown).Deck!;
        return (Encoding.UTF8.GetBytes(markdown),
            Encoding.UTF8.GetBytes(DeckWriter.Write(deck, DeckFormat.Gift).Content),
            Encoding.UTF8.GetBytes(DeckWriter.Write(deck, DeckFormat.MoodleXml).Content));
    }

    [GlobalSetup]
    public void Setup() => (_markdown, _gift, _xml) = Files();

    [Benchmark(Baseline = true)]
    public int MarkdownTenThousand() => DeckLoader.ParseFile("generated.md", _markdown).Deck!.Questions.Count;

    [Benchmark]
    public int GiftTenThousand() => DeckLoader.ParseFile("generated.gift", _gift).Deck!.Questions.Count;

    [Benchmark]
    public int MoodleXmlTenThousand() => DeckLoader.ParseFile("generated.xml", _xml).Deck!.Questions.Count;
}
