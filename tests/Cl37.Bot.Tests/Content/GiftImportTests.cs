using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

/// <summary>Every GIFT mapping row, over a file written from the format's description.</summary>
public sealed class GiftImportTests
{
    private static readonly Lazy<DeckParseResult> Sample = new(() =>
        DeckLoader.ParseFile("mappings.gift", File.ReadAllBytes(ImportFiles.Sample("mappings.gift"))));

    private static Question Titled(string title) =>
        Sample.Value.Deck!.Questions.Single(q => (q.Title ?? "") == title);

    [Fact]
    public void Parse_MappingsFile_LoadsEverySupportedQuestionWithoutErrors()
    {
        Assert.Empty(Sample.Value.Errors);
        var deck = Sample.Value.Deck!;
        Assert.Equal("mappings", deck.Id);
        Assert.Equal(13, deck.Questions.Count);
        Assert.Equal(
            ["mappings/mcq/1", "mappings/msq/1", "mappings/mcq/2", "mappings/mcq/3", "mappings/numerical/1", "mappings/numerical/2",
             "mappings/numerical/3", "mappings/numerical/4", "mappings/fill/1", "mappings/fill/2", "mappings/mcq/4", "mappings/fill/3", "mappings/mcq/5"],
            deck.Questions.Select(QuestionIds.Positional));
    }

    [Fact]
    public void Parse_OneRightAnswer_IsSingleChoiceWithPerPickFeedback()
    {
        var q = Titled("Base image");
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal(["FROM", "RUN", "CMD", "COPY"], q.Options.Select(o => o.Text));
        Assert.Equal(["A"], q.CorrectKeys);
        Assert.Null(q.Weights);
        Assert.Equal("Right: every image starts from one.", q.WhyRight["A"]);
        Assert.Equal("RUN executes a command in a new layer.", q.WhyWrong["B"]);
        Assert.False(q.WhyWrong.ContainsKey("D"));
        Assert.Equal("Docker", q.Topic);
        Assert.Equal("Which Dockerfile instruction sets the base image?", q.Prompt);
    }

    [Fact]
    public void Parse_WeightsWithoutEquals_IsMultipleSelectWithTheFileWeights()
    {
        var q = Titled("Ports");
        Assert.Equal(QuestionKind.MultipleSelect, q.Kind);
        Assert.Equal(["A", "B"], q.CorrectKeys);
        Assert.Equal([0.5, 0.5, -1, -1], q.Weights!.Select(w => w.Fraction));
        Assert.Equal("That is SSH.", q.WhyWrong["C"]);
    }

    [Fact]
    public void Parse_TrueFalse_IsSingleChoiceTrueFalseWithFeedbackPerPick()
    {
        var q = Titled("Kernel");
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal(["True", "False"], q.Options.Select(o => o.Text));
        Assert.Equal(["A"], q.CorrectKeys);
        Assert.Equal("They do share it: that is why they start fast.", q.WhyWrong["B"]);
        Assert.Equal("Right: one kernel, many containers.", q.WhyRight["A"]);
        Assert.Equal(["B"], Titled("Layers").CorrectKeys);
    }

    [Fact]
    public void Parse_Numerical_ReadsTolerancesRangesAndWeightedAnswers()
    {
        var pi = Titled("Pi");
        Assert.Equal(QuestionKind.Numerical, pi.Kind);
        Assert.Equal(new NumericPart(null, 3.1415, null, 0.0005, 0), pi.NumericParts.Single());
        Assert.Null(pi.Weights);
        Assert.Equal("Numbers", pi.Topic);

        var range = Titled("Pi range").NumericParts.Single();
        Assert.Equal(3.1415, range.Value, 9);
        Assert.Equal(0.0005, range.AbsoluteTolerance, 9);

        Assert.Equal(new NumericPart(null, 1885, null, 0, 0), Titled("Year").NumericParts.Single());

        var born = Titled("Born");
        Assert.Equal([(1822.0, 0.0, 1.0, "Exactly."), (1822.0, 2.0, 0.5, "Within two years.")],
            born.Weights!.Select(w => (w.Number!.Value, w.Number.AbsoluteTolerance, w.Fraction, w.Feedback)));
    }

    [Fact]
    public void Parse_ShortAnswer_KeepsEveryAlternativeAndWeighsPartialOnes()
    {
        var tomb = Titled("Tomb");
        Assert.Equal(QuestionKind.FillIn, tomb.Kind);
        Assert.Equal(["Grant", "Ulysses S. Grant", "Ulysses Grant"], tomb.AcceptedAnswers);
        Assert.Null(tomb.Weights);

        var scraper = Titled("Scraper");
        Assert.Equal(["Prometheus"], scraper.AcceptedAnswers);
        Assert.Equal([("Prometheus", 1.0), ("prom*", 0.5)], scraper.Weights!.Select(w => (w.Answer, w.Fraction)));
        Assert.Equal("Close: its full name is Prometheus.", scraper.Weights![1].Feedback);
    }

    [Fact]
    public void Parse_MissingWord_ShowsABlankWhereTheBracesWere()
    {
        var q = Titled("Entombed");
        Assert.Equal("Grant is _____ in Grant's tomb.", q.Prompt);
        Assert.Equal(QuestionKind.SingleChoice, q.Kind);
        Assert.Equal(["B"], q.CorrectKeys);

        var saving = Titled("Saving");
        Assert.Equal("Turning a **trained** model into a file is called _____ before it is shipped.", saving.Prompt);
        Assert.Equal(["serialization", "serialisation"], saving.AcceptedAnswers);
    }

    [Fact]
    public void Parse_HtmlWithEscapesAndPicture_BecomesLightMarkdownWithAPictureNote()
    {
        var q = Titled("Escapes");
        Assert.Equal("In **Python**, which operator tests equality: `a = b` or `a == b`? Braces { } and a colon: stay.\n\n[picture: equality.png]", q.Prompt);
        Assert.Equal(["equality.png"], q.Pictures);
        Assert.Equal(["assignment =", "comparison =="], q.Options.Select(o => o.Text));
        Assert.Equal(["B"], q.CorrectKeys);
        Assert.Equal("_Remember_: one equals sign assigns, two compare.", q.Explanation);
        Assert.Equal("That one assigns.", q.WhyWrong["A"]);
    }

    [Fact]
    public void Parse_UnsupportedTypes_AreSkippedWithFileLineAndType()
    {
        Assert.Equal(
            [
                "mappings.gift:56: `Essay`: skipped: essay (an answer block with no answers) — this bot has no such question type.",
                "mappings.gift:58: `Match`: skipped: matching — this bot has no such question type.",
                "mappings.gift:64: skipped: description (text with no answer) — this bot has no such question type.",
            ],
            Sample.Value.Skipped.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("Q {=a ~b", "bad.gift:1: unclosed brace: this `{` has no `}` before the blank line that ends the question.")]
    [InlineData("::T:: Which?\n=right\n~wrong", "bad.gift:2: `T`: an answer outside braces: GIFT answers go inside `{…}` after the question text.")]
    [InlineData("Which?\n{\n~%150%a\n~b}", "bad.gift:3: the weight 150% is over 100%; weights run from -100% to 100%.")]
    [InlineData("Which? {~a ~b}", "bad.gift:1: no answer earns any credit: mark the right one with `=` or give it a weight like `~%50%`.")]
    [InlineData("Which? {#abc}", "bad.gift:1: `abc` is not a number: write `{#3.14}`, `{#3.14:0.01}` or `{#3.1..3.2}`.")]
    [InlineData("Which? } {=a}", "bad.gift:1: a `}` with no `{` before it.")]
    [InlineData("Which? {~%50%a ~%20%b ~c}", "bad.gift:1: the positive weights add up to 70%; picking every right option must earn 100%.")]
    public void Parse_MalformedQuestion_OneMessageWithFileAndLine(string question, string expected)
    {
        // A good question first: the bad one is skipped alone, and its line counts from the file's start.
        var result = GiftParser.Parse("bad.gift", "::Good:: Fine? {=yes ~no}\n\n" + question);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Shift(expected, 2), error.ToString());
        Assert.Single(result.Deck!.Questions);
    }

    [Fact]
    public void ParseFile_NotUtf8_NamesTheLine()
    {
        var bytes = "Fine? {=yes ~no}\n\nCaf\u00e9? {=yes ~no}\n"u8.ToArray().Concat(new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x0A }).ToArray();
        var result = DeckLoader.ParseFile("latin.gift", bytes);
        Assert.Equal("latin.gift:4: the file is not valid UTF-8 text; save the GIFT file as UTF-8.", Assert.Single(result.Errors).ToString());
    }

    private static string Shift(string message, int lines)
    {
        var parts = message.Split(':', 3);
        return $"{parts[0]}:{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + lines}:{parts[2]}";
    }
}
