using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>Parsing the course deck, and a generated deck of 10,000 questions built from its own
/// question blocks renumbered, each with an id of its own.</summary>
[MemoryDiagnoser]
public partial class DeckParseBenchmarks
{
    private byte[] _course = [];
    private byte[] _large = [];

    public static string CoursePath => Path.Combine(Machine.RepoRoot(), "content", "cl37-model-deployment.md");

    [GlobalSetup]
    public void Setup()
    {
        _course = File.ReadAllBytes(CoursePath);
        _large = Encoding.UTF8.GetBytes(Generate(File.ReadAllText(CoursePath), 10_000));
    }

    [Benchmark]
    public int CourseDeck() => DeckParser.Parse("cl37-model-deployment.md", _course).Deck!.Questions.Count;

    [Benchmark]
    public int TenThousandQuestions() => DeckParser.Parse("generated.md", _large).Deck!.Questions.Count;

    /// <summary>Repeats each section's question blocks with fresh numbers until there are <paramref name="count"/> questions.</summary>
    public static string Generate(string course, int count)
    {
        // Revision sections after the last question section stay once, at the end.
        var revisionAt = course.IndexOf("\n## ", course.LastIndexOf("## Section D", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var tail = revisionAt < 0 ? "" : course[revisionAt..];
        course = revisionAt < 0 ? course : course[..revisionAt];
        var sections = SectionHeading().Split(course);
        var headings = SectionHeading().Matches(course).Select(m => m.Value).ToList();
        var sb = new StringBuilder(sections[0]);
        var perSection = count / headings.Count;
        for (var s = 0; s < headings.Count; s++)
        {
            var blocks = QuestionHeading().Split(sections[s + 1]).Skip(1).Where(b => b.Contains("**", StringComparison.Ordinal)).ToList();
            var label = QuestionHeading().Match(sections[s + 1]).Groups[1].Value;
            sb.Append(headings[s]);
            if (blocks.Count == 0)
            {
                sb.Append(sections[s + 1]);
                continue;
            }
            var firstBody = sections[s + 1][..QuestionHeading().Match(sections[s + 1]).Index];
            sb.Append(firstBody);
            var n = s == headings.Count - 1 ? count - perSection * (headings.Count - 1) : perSection;
            for (var i = 0; i < n; i++)
            {
                // Each copy gets its own id: repeated prompts would otherwise share their fingerprint id.
                sb.Append("### ").Append(label).Append(' ').Append(i + 1)
                    .Append(" {#").Append(label.ToLowerInvariant()).Append('-').Append(i + 1).Append('}')
                    .Append(blocks[i % blocks.Count]);
            }
        }
        return sb.Append(tail).ToString();
    }

    [GeneratedRegex(@"^## Section [A-D]:.*$\n", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^### (MCQ|MSQ|Numerical|Fill) \d+", RegexOptions.Multiline)]
    private static partial Regex QuestionHeading();
}
