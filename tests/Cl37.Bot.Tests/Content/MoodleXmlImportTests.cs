using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

/// <summary>Every Moodle XML mapping row over a file written from the format's description, and
/// the hostile files: DTDs, entity bombs, wrong encodings, oversized files.</summary>
public sealed class MoodleXmlImportTests
{
    private static readonly Lazy<DeckParseResult> Sample = new(() =>
        DeckLoader.ParseFile("mappings.xml", File.ReadAllBytes(ImportFiles.Sample("mappings.xml"))));

    private static Question Titled(string title) => Sample.Value.Deck!.Questions.Single(q => q.Title == title);

    [Fact]
    public void Parse_MappingsFile_LoadsEverySupportedQuestionWithoutErrors()
    {
        Assert.Empty(Sample.Value.Errors);
        Assert.Equal(["mappings/mcq/1", "mappings/msq/1", "mappings/mcq/2", "mappings/fill/1", "mappings/numerical/1", "mappings/numerical/2"],
            Sample.Value.Deck!.Questions.Select(QuestionIds.Positional));
        Assert.All(Sample.Value.Deck.Questions, q => Assert.Equal("Kubernetes", q.Topic));
    }

    [Fact]
    public void Parse_SingleMultichoice_KeepsNameHtmlFeedbackAndWeights()
    {
        var q = Titled("Smallest unit");
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal("What is the **smallest** deployable unit in Kubernetes?", q.Prompt);
        Assert.Equal(["A"], q.CorrectKeys);
        Assert.Equal("A Pod wraps one or more containers.", q.Explanation);
        Assert.Equal("A node is a machine.", q.WhyWrong["B"]);
        Assert.Equal("Right.", q.WhyRight["A"]);
        Assert.Equal([1.0, 0, 0], q.Weights!.Select(w => w.Fraction));
    }

    [Fact]
    public void Parse_MultipleMultichoice_IsMultipleSelectWithNegativeFractionsAndAPictureNote()
    {
        var q = Titled("Controllers");
        Assert.Equal(QuestionKind.MultipleSelect, q.Kind);
        Assert.Equal(["A", "B"], q.CorrectKeys);
        Assert.Equal([0.5, 0.5, -0.5, 0], q.Weights!.Select(w => w.Fraction));
        Assert.Equal("Which of these keep Pods running? [picture: controllers.png]", q.Prompt);
        Assert.Equal(["controllers.png"], q.Pictures);
    }

    [Fact]
    public void Parse_TrueFalseShortAnswerNumerical_MapOntoTheDeckModel()
    {
        var tf = Titled("HPA");
        Assert.Equal(["True", "False"], tf.Options.Select(o => o.Text));
        Assert.Equal(["A"], tf.CorrectKeys);
        Assert.Equal("It does scale on CPU.", tf.WhyWrong["B"]);

        var sa = Titled("Command line");
        Assert.Equal(QuestionKind.FillIn, sa.Kind);
        Assert.True(sa.CaseSensitive);
        Assert.Equal([("kubectl", 1.0), ("kube*", 0.5)], sa.Weights!.Select(w => (w.Answer, w.Fraction)));

        var replicas = Titled("Replicas");
        Assert.Equal([(12.0, 0.0, 1.0), (12.0, 1.0, 0.5)], replicas.Weights!.Select(w => (w.Number!.Value, w.Number.AbsoluteTolerance, w.Fraction)));

        var size = Titled("Image size");
        Assert.Equal([new AnswerUnit("MB", 1), new AnswerUnit("GB", 0.001)], size.Units);
        Assert.Equal("745 MB ± 0.5", size.AnswerText);
        Assert.Equal(new NumericPart(null, 745, "MB", 0.5, 0), size.NumericParts.Single());
    }

    [Fact]
    public void Parse_UnsupportedTypes_AreSkippedWithLineNameAndType()
    {
        Assert.Equal(
            [
                "mappings.xml:64: `Pairs`: skipped: matching — this bot has no such question type.",
                "mappings.xml:70: `Why`: skipped: essay — this bot has no such question type.",
                "mappings.xml:75: `Gaps`: skipped: embedded answers (cloze) — this bot has no such question type.",
                "mappings.xml:80: `Sum`: skipped: calculated — this bot has no such question type.",
                "mappings.xml:85: `Intro`: skipped: description — this bot has no such question type.",
                "mappings.xml:90: `Drag`: skipped: drag and drop into text — this bot has no such question type.",
            ],
            Sample.Value.Skipped.Select(s => s.ToString()));
    }

    [Fact]
    public void Parse_ExternalEntity_IsRefusedAsADtd()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE quiz [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <quiz><question type="shortanswer"><name><text>&secret;</text></name></question></quiz>
            """;
        var result = MoodleXmlParser.Parse("xxe.xml", Encoding.UTF8.GetBytes(xml));
        Assert.Null(result.Deck);
        Assert.Equal("xxe.xml:2: the file has a DTD (`<!DOCTYPE …>`); Moodle XML needs none, and one is refused because it can pull in other files or expand without end.",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_EntityExpansionBomb_IsRefusedBeforeExpanding()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i < 10; i++)
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        sb.Append("]>\n<quiz><question type=\"shortanswer\"><name><text>&lol9;</text></name></question></quiz>");
        var result = MoodleXmlParser.Parse("bomb.xml", Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.Null(result.Deck);
        Assert.StartsWith("bomb.xml:2: the file has a DTD", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Latin1BytesDeclaredAsUtf8_SaysTheEncodingIsWrong()
    {
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n<question type=\"shortanswer\"><name><text>Caf"u8.ToArray();
        byte[] bytes = [.. head, 0xE9, .. "</text></name></question></quiz>"u8.ToArray()];
        var result = MoodleXmlParser.Parse("latin.xml", bytes);
        Assert.Equal("latin.xml:3: the file is not in the encoding it declares (UTF-8 unless its first line says otherwise); save it as UTF-8.",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_FractionOver100_NamesTheLineAndKeepsTheOtherQuestions()
    {
        var xml = """
            <quiz>
              <question type="shortanswer"><name><text>Ok</text></name><questiontext><text>Fine?</text></questiontext><answer fraction="100"><text>yes</text></answer></question>
              <question type="shortanswer"><name><text>Over</text></name><questiontext><text>Too much?</text></questiontext>
                <answer fraction="150"><text>yes</text></answer></question>
            </quiz>
            """;
        var result = MoodleXmlParser.Parse("over.xml", Encoding.UTF8.GetBytes(xml));
        Assert.Equal("over.xml:4: `Over`: the answer's fraction 150% is over 100%; fractions run from -100 to 100.", Assert.Single(result.Errors).ToString());
        Assert.Single(result.Deck!.Questions);
    }

    [Fact]
    public void Load_FiftyMegabyteFile_OneMessageAndTheOtherDecksStillLoad()
    {
        var dir = Directory.CreateTempSubdirectory("cl37-import-");
        try
        {
            File.Copy(ImportFiles.Sample("mappings.gift"), Path.Combine(dir.FullName, "good.gift"));
            using (var big = File.Create(Path.Combine(dir.FullName, "huge.xml")))
                big.SetLength(50_000_000);
            var library = DeckLoader.Load(dir.FullName);
            var error = Assert.Single(library.Errors);
            Assert.EndsWith("huge.xml:1: the file is 50 MB; a deck file may be at most 32 MB.", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(13, library.FindDeck("good")!.Questions.Count);
            Assert.Equal(3, library.Skipped.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Report_ImportedFolder_CountsTheSkippedQuestionsAndNamesEach()
    {
        var dir = Directory.CreateTempSubdirectory("cl37-import-");
        try
        {
            File.Copy(ImportFiles.Sample("mappings.gift"), Path.Combine(dir.FullName, "words.gift.txt"));
            File.Copy(ImportFiles.Sample("mappings.xml"), Path.Combine(dir.FullName, "kube.xml"));
            var output = new StringWriter();
            DeckCommandLine.Report(DeckLoader.Load(dir.FullName), output);
            var text = output.ToString();
            Assert.Contains("19 questions in 2 deck(s), 9 skipped (type not supported), no errors.", text, StringComparison.Ordinal);
            Assert.Contains("kube.xml:64: `Pairs`: skipped: matching — this bot has no such question type.", text, StringComparison.Ordinal);
            Assert.Contains("words.gift.txt:58: `Match`: skipped: matching", text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
