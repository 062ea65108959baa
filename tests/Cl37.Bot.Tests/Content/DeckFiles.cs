using System.Globalization;
using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

/// <summary>The shipped deck, the test samples, and a canonical text form of a deck for comparisons.</summary>
internal static class DeckFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ContentDeck => Path.Combine(RepoRoot, "content", "cl37-model-deployment.md");

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "decks", name);

    public static Deck ParseFile(string path, string asName = "cl37-model-deployment.md")
    {
        var result = DeckParser.Parse(asName, File.ReadAllBytes(path));
        Assert.Empty(result.Errors);
        return result.Deck!;
    }

    /// <summary>Every field of every question and section, one per line, without the source file.</summary>
    public static string Canonical(Deck deck, Func<string, string>? revisionText = null)
    {
        revisionText ??= s => s;
        var sb = new StringBuilder();
        sb.AppendLine($"deck {deck.Id} | {deck.Title}");
        foreach (var q in deck.Questions)
        {
            sb.AppendLine($"{q.Id} {q.DeckId} {q.Section} {q.Number} {q.Kind} line {q.Line} topic {q.Topic}");
            sb.AppendLine("prompt " + q.Prompt);
            foreach (var o in q.Options)
                sb.AppendLine($"option {o.Key}) {o.Text}");
            sb.AppendLine("keys " + string.Join(",", q.CorrectKeys));
            sb.AppendLine("explanation " + q.Explanation);
            foreach (var (k, v) in q.WhyWrong.OrderBy(p => p.Key, StringComparer.Ordinal))
                sb.AppendLine($"why {k}) {v}");
            sb.AppendLine("given " + q.Given);
            foreach (var s in q.SolutionSteps)
                sb.AppendLine("step " + s);
            sb.AppendLine("answer " + q.AnswerText);
            foreach (var p in q.NumericParts)
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"part {p.Name} {p.Value} {p.Unit} {p.AbsoluteTolerance} {p.RelativeTolerance}"));
            sb.AppendLine("accepted " + string.Join(" | ", q.AcceptedAnswers));
        }
        foreach (var r in deck.Revision)
            sb.AppendLine($"revision {r.Kind} | {r.Title}\n{revisionText(r.Markdown)}");
        return sb.ToString();
    }

    /// <summary>Removes pictographic emoji and the space after them (what the no-emoji sample leaves out).</summary>
    public static string WithoutEmoji(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var emoji = char.IsSurrogatePair(text, i) || text[i] is '\u2705' or '\u274C' or '\u26A1' or '\u26A0';
            if (!emoji)
            {
                sb.Append(text[i]);
                continue;
            }
            if (char.IsSurrogatePair(text, i))
                i++;
            if (i + 1 < text.Length && text[i + 1] == '\uFE0F')
                i++;
            if (i + 1 < text.Length && text[i + 1] == ' ')
                i++;
        }
        return sb.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cl37.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cl37.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
