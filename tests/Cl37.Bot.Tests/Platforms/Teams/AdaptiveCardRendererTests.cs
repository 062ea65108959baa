using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Rendering;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class AdaptiveCardRendererTests
{
    private static readonly CardOption[] Options = [new("A", "Horizontal"), new("B", "Vertical"), new("C", "Diagonal")];

    private static QuestionCard Question(AnswerInput input, bool closed = false) =>
        new(9, "deck:1:9", "Question 9", "Which scaling adds servers?", input, input == AnswerInput.FreeText ? [] : Options, 3,
            new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc), closed, input == AnswerInput.FreeText ? "A number, e.g. 5" : null);

    private static JsonObject Render(ChatCard card, string text = "") => AdaptiveCardRenderer.Render(new OutgoingMessage(text, card))!;

    private static IEnumerable<JsonNode> Body(JsonObject card) => card["body"]!.AsArray().Select(n => n!);

    [Fact]
    public void Render_EveryQuestionOfTheCourseDeck_GivesEveryInputALabel()
    {
        var deck = Cl37.Bot.Tests.Decks.DeckFiles.ParseFile(Cl37.Bot.Tests.Decks.DeckFiles.ContentDeck);
        var cards = deck.Questions.SelectMany(q => new[]
        {
            AdaptiveCardRenderer.Render(Cl37.Bot.Messages.QuestionCards.Question(1, q, 0, null, closed: false))!,
            AdaptiveCardRenderer.Render(Cl37.Bot.Messages.QuestionCards.Question(2, q, 0, null, closed: false, isPrivate: true))!,
        }).ToList();

        var inputs = cards.SelectMany(c => Cl37.Bot.Tests.Transcripts.TranscriptChecks.Inputs(c)).ToList();

        // Every question but a single-choice one is answered in an input: a choice set or a text box.
        Assert.Equal(2 * deck.Questions.Count(q => q.Kind != Cl37.Bot.Content.QuestionKind.SingleChoice), inputs.Count);
        Assert.All(inputs, i => Assert.False(string.IsNullOrWhiteSpace((string?)i["label"]), $"input without a label: {i.ToJsonString()}"));
    }

    [Fact]
    public void Render_SingleChoice_IsVersion15WithOneExecuteButtonPerOption()
    {
        var card = Render(Question(AnswerInput.SingleChoice));

        Assert.Equal("1.5", (string?)card["version"]);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["A", "B", "C"], actions.Select(a => (string?)a!["title"]));
        Assert.All(actions, a =>
        {
            Assert.Equal("Action.Execute", (string?)a!["type"]);
            Assert.Equal("answer", (string?)a["verb"]);
            Assert.Equal(9, (long)a["data"]!["post"]!);
            Assert.Equal("Action.Submit", (string?)a["fallback"]!["type"]);
        });
        Assert.Contains(Body(card), b => (string?)b["text"] == "3 answered · closes 2026-11-27 08:00 UTC");
    }

    [Fact]
    public void Render_MultiSelect_IsAChoiceSetWithOneSubmit()
    {
        var card = Render(Question(AnswerInput.MultiSelect));

        var set = Assert.Single(Body(card), b => (string?)b["type"] == "Input.ChoiceSet");
        Assert.True((bool)set["isMultiSelect"]!);
        Assert.Equal("answer", (string?)set["id"]);
        Assert.Equal(["A", "B", "C"], set["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)submit["type"]);
        Assert.True((bool)submit["data"]!["multi"]!);
    }

    [Fact]
    public void Render_FreeText_IsAnInputTextWithOneSubmit()
    {
        var card = Render(Question(AnswerInput.FreeText));

        var input = Assert.Single(Body(card), b => (string?)b["type"] == "Input.Text");
        Assert.Equal("answer", (string?)input["id"]);
        Assert.Equal("A number, e.g. 5", (string?)input["placeholder"]);
        Assert.Single(card["actions"]!.AsArray());
    }

    [Theory]
    [InlineData(AnswerInput.SingleChoice)]
    [InlineData(AnswerInput.MultiSelect)]
    [InlineData(AnswerInput.FreeText)]
    public void Render_Closed_HasNoActionsOrInputs(AnswerInput input)
    {
        var card = Render(Question(input, closed: true));

        Assert.Null(card["actions"]);
        Assert.DoesNotContain(Body(card), b => ((string?)b["type"])!.StartsWith("Input.", StringComparison.Ordinal));
        Assert.Contains(Body(card), b => (string?)b["text"] == "Closed · 3 answered");
    }

    [Fact]
    public void Render_Reveal_ShowsCorrectAnswerAndCountsPerOption()
    {
        var reveal = new RevealCard(9, "Question 9", "Which scaling adds servers?", "A", "Horizontal scaling adds machines.",
            [new("A", "Horizontal", 2, 66.7, true, null), new("B", "Vertical", 1, 33.3, false, "Vertical makes one machine bigger.")],
            3, 2, ["Alex", "Megan"], ["Alex ↑ 2"], [], "2 of 3 correct");

        var texts = Body(Render(reveal)).Select(b => (string?)b["text"]).ToList();

        Assert.Contains("Correct answer: A", texts);
        Assert.Contains("✅ **A.** Horizontal — 2 (67%)", texts);
        Assert.Contains("❌ **B.** Vertical — 1 (33%)", texts);
        Assert.Contains("Vertical makes one machine bigger.", texts);
        Assert.Contains("2 of 3 correct", texts);
        Assert.Contains("Fastest: Alex, Megan", texts);
    }

    [Fact]
    public void Render_Table_IsAnAdaptiveTableWithHeaderRow()
    {
        var table = new TableCard("Leaderboard · week", ["#", "Name", "Points"], [["1", "Alex", "30"], ["2", "Megan", "20"]], "Page 1 of 1");

        var element = Assert.Single(Body(Render(table)), b => (string?)b["type"] == "Table");

        Assert.True((bool)element["firstRowAsHeader"]!);
        var rows = element["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Alex", (string?)rows[1]!["cells"]![1]!["items"]![0]!["text"]);
    }

    [Fact]
    public void Render_Steps_ShowsFormulaNumberedStepsAndAnswer()
    {
        var steps = new StepsCard("Servers needed", "servers = ceil(peak × buffer / capacity)", ["200 × 1.25 = 250", "250 / 50 = 5"], "5 servers");

        var texts = Body(Render(steps)).Select(b => (string?)b["text"]).ToList();

        Assert.Equal(["Servers needed", "servers = ceil(peak × buffer / capacity)", "1. 200 × 1.25 = 250", "2. 250 / 50 = 5", "Answer: 5 servers"], texts);
    }

    [Fact]
    public void Render_HugeQuestion_StaysUnder28KB()
    {
        var big = new string('x', 50_000);
        var options = Enumerable.Range(0, 26).Select(i => new CardOption(((char)('A' + i)).ToString(), big)).ToList();
        var card = Render(new QuestionCard(1, "q", big, big, AnswerInput.MultiSelect, options, 0, null), big);

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < AdaptiveCardRenderer.MaxCardBytes);
        Assert.Single(Body(card), b => (string?)b["type"] == "Input.ChoiceSet");
    }

    [Fact]
    public void RenderPrivate_PlainText_IsACardWithTheText()
    {
        var card = AdaptiveCardRenderer.RenderPrivate(OutgoingMessage.PrivateText("Recorded."));
        Assert.Equal("Recorded.", (string?)Assert.Single(Body(card))["text"]);
    }

    [Fact]
    public void Render_PlainText_IsNotACard() => Assert.Null(AdaptiveCardRenderer.Render(OutgoingMessage.PublicText("hi")));
}
