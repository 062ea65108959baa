using System.Text;
using Cl37.Bot.Content;
using CsCheck;

namespace Cl37.Bot.Tests.Decks;

public sealed class MalformedDeckTests
{
    private const string Good = """
        # Tiny deck

        ## Section A: Multiple Choice Questions (MCQ)

        ### MCQ 1
        **Question:** First?

        **Options:**
        - A) one
        - B) two

        **Correct Answer:** A

        **Explanation:** Because.

        """;

    private static DeckParseResult Parse(string text) => DeckParser.ParseText("bad.md", text);

    private static string Mcq(int number, string answerLine = "**Correct Answer:** B", string options = "- A) one\n- B) two\n- C) three") => $"""
        ### MCQ {number}
        **Question:** Which one?

        **Options:**
        {options}

        {answerLine}

        **Explanation:** Because.

        ---

        """;

    [Theory]
    [InlineData("**Correct Answer:** E", "answer letter E is not among the options A–C")]
    [InlineData("**Correct Answer:** ", "missing answer")]
    [InlineData("", "missing answer")]
    [InlineData("**Correct Answer:** maybe", "`maybe` is not an option letter")]
    [InlineData("**Correct Answer:** A, B", "a single-choice question has one answer")]
    public void Parse_BadAnswer_SkipsThatQuestionWithFileLine(string answerLine, string message)
    {
        var text = Good + "\n" + Mcq(2, answerLine) + Mcq(3);
        var result = Parse(text);
        var error = Assert.Single(result.Errors);
        Assert.Equal("bad.md", error.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var expectedLine = answerLine.StartsWith("**Correct Answer:** ", StringComparison.Ordinal) && answerLine.Trim() != "**Correct Answer:**"
            ? LineOf(text, answerLine, after: "### MCQ 2")
            : answerLine.Length == 0 ? LineOf(text, "### MCQ 2") : LineOf(text, answerLine.Trim(), after: "### MCQ 2");
        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith($"bad.md:{expectedLine}: MCQ 2: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["tiny/mcq/1", "tiny/mcq/3"], result.Deck!.Questions.Select(q => QuestionIds.Positional(q).Replace("bad", "tiny", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_DuplicateNumber_ReportsBothLinesAndKeepsFirst()
    {
        var text = Good + "\n" + Mcq(1) + Mcq(2);
        var result = Parse(text);
        var error = Assert.Single(result.Errors);
        var second = text.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Trim() == "### MCQ 1").Skip(1).First().i + 1;
        Assert.Equal(second, error.Line);
        Assert.Contains("duplicate question number", error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {LineOf(text, "### MCQ 1")}", error.Message, StringComparison.Ordinal);
        Assert.Equal("First?", result.Deck!.Questions[0].Prompt);
        Assert.Equal(2, result.Deck.Questions.Count);
    }

    [Fact]
    public void Parse_QuestionWithoutOptions_IsReported()
    {
        var text = Good + "\n### MCQ 2\n**Question:** No options?\n\n**Correct Answer:** A\n";
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(LineOf(text, "### MCQ 2"), error.Line);
        Assert.Contains("question without options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingQuestionText_IsReported()
    {
        var text = Good + "\n### MCQ 2\n**Options:**\n- A) x\n- B) y\n**Correct Answer:** A\n";
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(LineOf(text, "### MCQ 2"), error.Line);
        Assert.Contains("missing the question text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhyWrongForUnknownOption_IsReported()
    {
        var text = Good + "\n" + Mcq(2).Replace("**Explanation:** Because.", "**Explanation:** Because.\n\n**Why Others Are Wrong:**\n- F) no such option", StringComparison.Ordinal);
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(LineOf(text, "- F) no such option"), error.Line);
        Assert.Contains("option F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumericalWithoutNumber_IsReported()
    {
        var text = Good + "\n## Section C: Numerical\n\n### Numerical 1\n**Question:** How many?\n\n**Final Answer:** lots\n\n### Numerical 2\n**Question:** And now?\n\n**Given:**\n- x\n";
        var errors = Parse(text).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(LineOf(text, "**Final Answer:** lots"), errors[0].Line);
        Assert.Contains("has no number", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "### Numerical 2"), errors[1].Line);
        Assert.Contains("missing answer", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FillInWithoutAnswer_IsReported()
    {
        var text = Good + "\n## Section D: Fill in the Blanks\n\n### Fill 1\n**Question:** A _____ here.\n\n**Explanation:** x\n";
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(LineOf(text, "### Fill 1"), error.Line);
        Assert.Contains("missing answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadingWithoutNumber_IsReported()
    {
        var text = Good + "\n### MCQ\n**Question:** x\n";
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(LineOf(text, "### MCQ"), error.Line);
        Assert.Contains("has no question number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Parse_EmptyFile_IsReported(string text)
    {
        var result = DeckParser.Parse("empty.md", Encoding.UTF8.GetBytes(text));
        Assert.Null(result.Deck);
        Assert.Equal("empty.md:1: the file is empty.", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_TextWithoutQuestions_IsReported()
    {
        var result = Parse("Just some notes.\nNothing else.");
        Assert.Null(result.Deck);
        Assert.Contains("no questions found", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RandomBytes_AreReportedNotThrown()
    {
        var random = new Random(37);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 2000)];
            random.NextBytes(bytes);
            var result = DeckParser.Parse("random.md", bytes);
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1, e.ToString()));
        }
    }

    [Fact]
    public void Parse_InvalidUtf8InOneLine_ReportsThatLineAndLoadsTheRest()
    {
        var bytes = Encoding.UTF8.GetBytes(Good).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var result = DeckParser.Parse("latin.md", bytes);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Good.Split('\n').Length, error.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Deck!.Questions);
    }

    [Fact]
    public void Parse_BinaryFile_IsReported()
    {
        var result = DeckParser.Parse("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        Assert.Null(result.Deck);
        Assert.Contains("binary file", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnyString_NeverThrows() =>
        Gen.String.Sample(s =>
        {
            var result = DeckParser.ParseText("any.md", s);
            Assert.True(result.Deck is not null || result.Errors.Count > 0);
        }, iter: 3000, threads: 1);

    [Fact]
    public void Parse_AnyBytes_NeverThrows() =>
        Gen.Byte.Array[0, 400].Sample(b => Assert.NotNull(DeckParser.Parse("any.md", b)), iter: 2000, threads: 1);

    [Fact]
    public void Parse_ShuffledDeckFragments_NeverThrow()
    {
        string[] pieces =
        [
            "# T", "## Section A: Multiple Choice Questions (MCQ)", "## Section B: Multiple Select (MSQ)", "## Numerical", "## Fill in the Blanks",
            "## 📚 Revision", "### MCQ 1", "### MSQ 2", "### Numerical 3", "### Fill 1", "### Key Concepts", "**Question:** q?", "**Options:**",
            "- A) a", "- B) b", "- a) dup", "**✅ Correct Answer:** A", "**Correct Answers:** A, Z", "**âœ… Correct Answer:** B", "**Explanation:** e",
            "**❌ Why Others Are Wrong:**", "**Given:**", "**Solution Steps:**", "1. step", "   - sub", "**Final Answer:** 1,234.5 MB", "**Final Answer:** a = 1, b = x",
            "**Answer:** X (or Y)", "**Answer:**", "---", "```", "| a | b |", "|---|---|", "Ã—", "âŒ", "ðŸ“", "\r", "\uFEFF", "", "**", "**:**",
        ];
        var fragments = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
        fragments.Array[0, 60].Sample(lines =>
        {
            var result = DeckParser.ParseText("frag.md", string.Join('\n', lines));
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1));
            if (result.Deck is { } deck)
                Assert.All(deck.Questions, q => Assert.StartsWith("frag/", q.Id, StringComparison.Ordinal));
        }, iter: 3000, threads: 1);
    }

    private static int LineOf(string text, string line, string? after = null)
    {
        var lines = text.Split('\n');
        var start = after is null ? 0 : Array.FindIndex(lines, l => l.Trim() == after);
        return Array.FindIndex(lines, start, l => l.Trim() == line.Trim()) + 1;
    }
}
