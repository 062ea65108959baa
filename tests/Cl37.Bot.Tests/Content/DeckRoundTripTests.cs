using System.Globalization;
using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

/// <summary>Decks written as GIFT, Moodle XML and Markdown and loaded again keep, field by field,
/// everything the target format can carry; what it cannot carry is named.</summary>
public sealed class DeckRoundTripTests
{
    private static Deck Course() => DeckFiles.ParseFile(DeckFiles.ContentDeck);

    private static Deck Reload(DeckExport export)
    {
        var result = DeckLoader.ParseFile(export.FileName, Encoding.UTF8.GetBytes(export.Content));
        Assert.Empty(result.Errors);
        Assert.Empty(result.Skipped);
        return result.Deck!;
    }

    /// <summary>What a person is asked and told: ids, kinds, the text as shown, options, keys,
    /// explanation as shown, why-wrong notes, accepted answers and expected numbers.</summary>
    private static string Shown(Deck deck, bool units = true) => string.Join("\n", deck.Questions.OrderBy(QuestionIds.Positional, StringComparer.Ordinal).Select(q =>
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{QuestionIds.Positional(q)} {q.Kind} topic={q.Topic}\n{DeckWriter.PromptWithGiven(q)}\n");
        foreach (var o in q.Options)
            sb.Append(CultureInfo.InvariantCulture, $"{o.Key}) {o.Text}\n");
        sb.Append("keys ").Append(string.Join(",", q.CorrectKeys)).Append('\n');
        sb.Append("explanation ").Append(DeckWriter.ExplanationOrSteps(q)).Append('\n');
        foreach (var (k, v) in q.WhyWrong.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append(CultureInfo.InvariantCulture, $"why {k}) {v}\n");
        sb.Append("accepted ").Append(string.Join(" | ", q.AcceptedAnswers)).Append('\n');
        foreach (var p in q.NumericParts.Take(1))
            sb.Append(CultureInfo.InvariantCulture, $"number {p.Value} ± {Math.Max(p.AbsoluteTolerance, p.RelativeTolerance * Math.Abs(p.Value))} {(units ? p.Unit : "")}\n");
        return sb.ToString();
    }));

    [Fact]
    public void Write_CourseDeckAsGift_LoadsBackTheSame38QuestionsKeysExplanationsAndWhyWrongNotes()
    {
        var course = Course();
        var export = DeckWriter.Write(course, DeckFormat.Gift);
        var back = Reload(export);
        Assert.Equal(38, back.Questions.Count);
        Assert.Equal(Shown(course, units: false), Shown(back, units: false));
        Assert.Equal(
            [
                "GIFT cannot carry solution steps as their own list (written as the explanation): Numerical 1, Numerical 2, Numerical 3, Numerical 4, Numerical 5.",
                "GIFT cannot carry the Given block as its own field (written into the question text): Numerical 1, Numerical 2, Numerical 3, Numerical 4, Numerical 5.",
                "GIFT cannot carry units of numerical answers: Numerical 1, Numerical 2, Numerical 3, Numerical 4, Numerical 5.",
                "GIFT cannot carry numerical answers in several parts (only the first number is written: Parallel): Numerical 4.",
                "GIFT cannot carry revision notes (11 sections: GIFT holds questions only).",
            ],
            export.Losses);
    }

    [Fact]
    public void Write_CourseDeckAsMoodleXml_LoadsBackTheSame38QuestionsWithUnits()
    {
        var course = Course();
        var export = DeckWriter.Write(course, DeckFormat.MoodleXml);
        var back = Reload(export);
        Assert.Equal(38, back.Questions.Count);
        Assert.Equal(Shown(course), Shown(back));
        Assert.Equal(course.Questions.Select(q => q.Id), back.Questions.Select(q => q.Id));
        Assert.DoesNotContain(export.Losses, l => l.Contains("units", StringComparison.Ordinal));
        Assert.Contains("Moodle XML cannot carry numerical answers in several parts (only the first number is written: Parallel): Numerical 4.", export.Losses);
    }

    [Fact]
    public void Write_CourseDeckAsGift_MultipleSelectGradesAsTheDeckDoes()
    {
        var course = Course();
        var back = Reload(DeckWriter.Write(course, DeckFormat.Gift));
        foreach (var q in course.Questions.Where(q => q.Kind == QuestionKind.MultipleSelect))
        {
            var again = back.Questions.Single(b => QuestionIds.Positional(b) == QuestionIds.Positional(q));
            foreach (var picks in new[] { q.CorrectKeys, [.. q.CorrectKeys.Take(1)], [.. q.Options.Select(o => o.Key)], [.. q.Options.Where(o => !q.CorrectKeys.Contains(o.Key)).Select(o => o.Key).Take(1).Concat(q.CorrectKeys)] })
            {
                var before = Bot.Quiz.Grading.Grader.Grade(q, picks);
                var after = Bot.Quiz.Grading.Grader.Grade(again, picks);
                Assert.Equal((before.Points, before.IsCorrect), (after.Points, after.IsCorrect));
            }
        }
    }

    [Fact]
    public void Write_GiftThroughMarkdownAndBack_GivesAnEquivalentFile()
    {
        var gift = """
            $CATEGORY: quiz/geography

            ::Capital:: What is the capital of France? {=Paris #Right. ~London #That is England's. ~Rome}

            ::Rivers:: Which of these are rivers? {~%50%Seine ~%50%Loire ~%-50%Alps ~%-50%Jura}

            ::Height:: How tall is the Eiffel Tower in metres? {#330:5}

            ::Tomb:: Who is buried in Grant's tomb? {=Grant =Ulysses Grant ####Grant and his wife.}

            ::Paris:: Paris is in France. {T}
            """;
        var first = GiftParser.Parse("geo.gift", gift);
        Assert.Empty(first.Errors);
        var markdown = DeckWriter.Write(first.Deck!, DeckFormat.Markdown);
        var fromMarkdown = Reload(markdown);
        var again = DeckWriter.Write(fromMarkdown, DeckFormat.Gift);
        var second = Reload(again);
        Assert.Equal(
            Shown(first.Deck!).Replace("topic=geography", "", StringComparison.Ordinal),
            Shown(second).Replace("topic=deployment", "", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Markdown cannot carry answer weights (Markdown decks grade by their own rule): Rivers.",
                "Markdown cannot carry feedback for right answers: Capital.",
                "Markdown cannot carry question titles (Markdown numbers its questions): Capital, Paris, Rivers, Height, Tomb.",
            ],
            markdown.Losses.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void RunAsync_ConvertCourseDeckToGift_WritesTheFileAndNamesTheLosses()
    {
        var dir = Directory.CreateTempSubdirectory("cl37-convert-");
        try
        {
            var target = Path.Combine(dir.FullName, "course.gift");
            var output = new StringWriter();
            var error = new StringWriter();
            var code = DeckCommandLine.RunAsync(["convert", DeckFiles.ContentDeck, target], output, error).Result;
            Assert.Equal(0, code);
            Assert.Equal("", error.ToString());
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"Wrote 38 questions of cl37-model-deployment to {target} (Gift).", lines[0]);
            Assert.Contains("GIFT cannot carry units of numerical answers: Numerical 1, Numerical 2, Numerical 3, Numerical 4, Numerical 5.", lines);
            var library = DeckLoader.Load(target);
            Assert.Empty(library.Errors);
            Assert.Equal(38, library.AllQuestions.Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void RunAsync_ExportUnknownFormat_SaysWhichFormatsExist()
    {
        var error = new StringWriter();
        var code = DeckCommandLine.RunAsync(["export", "--format", "csv", "--from", DeckFiles.ContentDeck], new StringWriter(), error).Result;
        Assert.Equal(2, code);
        Assert.Equal("deck export: `csv` is not a format; use gift, moodle-xml or markdown.", error.ToString().Trim());
    }
}
