using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>What Teams shows, checked on the activity JSON the adapter sends, from messages built by
/// the same code production uses (the help command, the reveal builder).</summary>
public sealed class TeamsRenderingTests
{
    private static readonly ChannelRef Channel = new("teams", "19:team@thread.tacv2", "19:general@thread.tacv2");
    private static readonly ChatUser Kim = new("aad-kim", "Kim", false);

    private static JsonNode Sent(OutgoingMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(TeamsActivities.Message(message, "28:bot", "Quiz Bot", "19:general@thread.tacv2"), TeamsJsonContext.Default.Activity))!;

    [Fact]
    public async Task Message_HelpReply_KeepsItsLineBreaksAndShowsThePlaceholder()
    {
        var services = new ServiceCollection().AddSingleton(new HelpCommand(CommandRegistrations.Catalog())).BuildServiceProvider();
        var help = await HelpCommand.Unit.RunAsync(services, new ChatCommand(Channel, Kim, "help", null, new Dictionary<string, string>()), default);

        var text = (string)Sent(help)["text"]!;

        // Teams Markdown joins single line breaks outside lists into one paragraph.
        Assert.Contains("calculators.\n\n- **/", text);
        Assert.Contains("\n- **/calc**", text);
        Assert.DoesNotContain("\n\n- **/calc**", text);
        Assert.EndsWith("\n\n`/help command:…` explains one command, for example `/help command:calc`.", text);
        Assert.DoesNotContain("<command>", text);
    }

    [Fact]
    public void Message_FeedbackText_PutsAnswerAndWhyOnTheirOwnLines()
    {
        var feedback = OutgoingMessage.PrivateText("Answer recorded: **B**.\n\n✅ Correct: 10 points.\n**Answer:** B) Option B\n**Why:** Because B.\nAnd more.");

        var text = (string)Sent(feedback)["text"]!;
        var card = AdaptiveCardRenderer.RenderPrivate(feedback);

        const string Expected = "Answer recorded: **B**.\n\n✅ Correct: 10 points.\n\n**Answer:** B) Option B\n\n**Why:** Because B.\n\nAnd more.";
        Assert.Equal(Expected, text);
        Assert.Equal(Expected, (string)card["body"]![0]!["text"]!);
    }

    [Fact]
    public void Message_NumericalReveal_ShowsStepsOnceAndTheBoardWithOneMarkerEach()
    {
        var question = new Question("deck/numerical/3", "deck", "numerical", 3, QuestionKind.Numerical, "How many servers for 200 rps at 50 rps each?",
            [], [], "", new Dictionary<string, string>(), "Peak 200 rps\nCapacity 50 rps", ["Servers = peak / capacity", "200 / 50 = 4"], "4 servers",
            [new NumericPart(null, 4, "servers", 0, 0)], [], "scaling", "deck.md", 1);
        var reveal = RevealMessages.Card(7, question, [("4", true, 1200, "Kim"), ("5", false, 3000, "Lee")])
            with { Movement = ["1. Kim — 10 pts (+10 today)", "2. Lee — 0 pts"] };

        var card = Sent(new OutgoingMessage(RevealMessages.Text(reveal), reveal))["attachments"]![0]!["content"]!;
        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"] ?? "").ToList();
        var all = string.Join("\n", texts);

        Assert.Equal(1, Count(all, "Servers = peak / capacity"));
        Assert.Equal(1, Count(all, "200 / 50 = 4"));
        Assert.Contains("1. Kim — 10 pts (+10 today)\n2. Lee — 0 pts", texts);
        Assert.DoesNotContain("- 1.", all);
    }

    [Fact]
    public void Message_QuestionWithGiven_BreaksTheGivenLines()
    {
        var question = QuestionCards.Question(9, new Question("deck/numerical/3", "deck", "numerical", 3, QuestionKind.Numerical, "How many servers?",
            [], [], "", new Dictionary<string, string>(), "Peak 200 rps\nCapacity 50 rps", [], "4", [], [], "scaling", "deck.md", 1), 0, null, false);

        var card = Sent(question)["attachments"]![0]!["content"]!;

        Assert.Equal("How many servers?\n\n**Given:**\n\nPeak 200 rps\n\nCapacity 50 rps", (string)card["body"]![1]!["text"]!);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
