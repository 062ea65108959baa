using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class QuestionIdTests
{
    private static string Mcq(int n, string prompt, string key = "B", string given = "") => $"""

        ### MCQ {n}{given}
        **Question:** {prompt}

        **Options:**
        - A) one
        - B) two

        **Correct Answer:** {key}

        **Explanation:** Because.
        """;

    private static string Deck(params string[] questions) => "# Deck\n\n## Section A: Multiple Choice Questions (MCQ)\n" + string.Concat(questions);

    [Fact]
    public void Parse_HeadingWithGivenId_UsesItAndKeepsTheNumber()
    {
        var q = DeckParser.ParseText("deck.md", Deck(Mcq(3, "What is ONNX?", given: " {#ONNX-Meaning}"))).Deck!.Questions.Single();

        Assert.Equal("deck/onnx-meaning", q.Id);
        Assert.Equal(3, q.Number);
        Assert.Equal("ONNX-Meaning", q.GivenId);
    }

    [Fact]
    public void Parse_QuestionInsertedAndAnotherRemoved_KeepsEveryOtherQuestionsId()
    {
        var before = DeckParser.ParseText("deck.md", Deck(Mcq(1, "What is ONNX?"), Mcq(2, "What is joblib?"), Mcq(3, "What is a Pod?"))).Deck!;
        var after = DeckParser.ParseText("deck.md", Deck(Mcq(1, "What is Docker?"), Mcq(2, "what is  ONNX"), Mcq(3, "What is a Pod?"))).Deck!;

        Assert.Equal(before.Questions[0].Id, after.Questions[1].Id);
        Assert.Equal(before.Questions[2].Id, after.Questions[2].Id);
        Assert.DoesNotContain(after.Questions, q => q.Id == before.Questions[1].Id);
        Assert.Matches("^deck/mcq-[0-9a-f]{8}$", before.Questions[0].Id);
    }

    [Fact]
    public void Parse_TwoQuestionsWithTheSamePrompt_ReportsFileLineAndSkipsTheSecond()
    {
        var text = Deck(Mcq(1, "What is ONNX?"), Mcq(2, "What is ONNX?", key: "A"));

        var result = DeckParser.ParseText("deck.md", text);

        var error = Assert.Single(result.Errors);
        var lines = text.Split('\n').ToList();
        var (first, line) = (lines.IndexOf("### MCQ 1") + 1, lines.IndexOf("### MCQ 2") + 1);
        Assert.Equal($"deck.md:{line}: MCQ 2 has the same question text as MCQ 1 on line {first} (id `{result.Deck!.Questions[0].Id}`); give one of them its own id with `{{#id}}` after its heading (`### MCQ 3 {{#onnx-meaning}}`). This one is skipped.",
            error.ToString());
        Assert.Equal([1], result.Deck.Questions.Select(q => q.Number));
    }

    [Fact]
    public void Parse_TwoHeadingsWithTheSameGivenId_ReportsTheSecond()
    {
        var result = DeckParser.ParseText("deck.md", Deck(Mcq(1, "What is ONNX?", given: " {#x}"), Mcq(2, "What is joblib?", given: " {#x}")));

        Assert.Contains("MCQ 2 has the same id as MCQ 1", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GiftTitleAndMoodleIdNumber_AreTheIds()
    {
        var gift = DeckLoader.ParseFile("quiz.gift", "::ONNX name:: What does ONNX stand for? {=Open Neural Network Exchange ~Other}\n\n::MCQ 2:: Which is binary? {=ONNX ~JSON}"u8.ToArray());
        var xml = DeckLoader.ParseFile("quiz.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="shortanswer"><name><text>Pods</text></name><idnumber>k8s-pod</idnumber>
                <questiontext format="html"><text>Smallest deployable unit?</text></questiontext>
                <answer fraction="100"><text>Pod</text></answer></question>
            </quiz>
            """u8.ToArray());

        Assert.Equal("quiz/onnx-name", gift.Deck!.Questions[0].Id);
        // A title that only repeats the question's place is no identity: the prompt's fingerprint is.
        Assert.Matches("^quiz/mcq-[0-9a-f]{8}$", gift.Deck.Questions[1].Id);
        Assert.Equal("quiz/k8s-pod", xml.Deck!.Questions.Single().Id);
    }

    [Fact]
    public void Version_KeyFixed_ChangesAndExplanationEdited_DoesNot()
    {
        var q = DeckParser.ParseText("deck.md", Deck(Mcq(1, "What is ONNX?"))).Deck!.Questions.Single();

        Assert.NotEqual(QuestionVersion.Of(q), QuestionVersion.Of(q with { CorrectKeys = ["A"] }));
        Assert.NotEqual(QuestionVersion.Of(q), QuestionVersion.Of(q with { Options = [q.Options[0], q.Options[1] with { Text = "three" }] }));
        Assert.Equal(QuestionVersion.Of(q), QuestionVersion.Of(q with { Explanation = "Reworded." }));
        Assert.Equal(QuestionVersion.Length, QuestionVersion.Of(q).Length);
    }
}
