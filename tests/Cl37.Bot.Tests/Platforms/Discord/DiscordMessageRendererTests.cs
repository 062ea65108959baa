using System.Text.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordMessageRendererTests
{
    private static QuestionCard Question(AnswerInput input, int options, bool closed = false, string prompt = "Pick one") =>
        new(long.MaxValue, "q", "Question", prompt, input,
            Enumerable.Range(0, options).Select(i => new CardOption(((char)('A' + (i % 26))).ToString() + (i / 26 == 0 ? "" : (i / 26).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Option text " + i)).ToList(),
            3, null, closed);

    [Fact]
    public void Render_SingleChoiceWith25Options_FillsFiveRowsOfFiveButtons()
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 25))));

        Assert.Equal(5, payload.Components!.Count);
        Assert.All(payload.Components, row => Assert.Equal(5, row.Components!.Count));
        Assert.All(payload.Components.SelectMany(r => r.Components!), b => Assert.True(b.CustomId!.Length <= 100));
        Assert.Equal(25, payload.Components.SelectMany(r => r.Components!).Select(b => b.CustomId).Distinct().Count());
    }

    [Fact]
    public void Render_SingleChoiceWithMoreThan25Options_FallsBackToASelectOf25()
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 30))));

        var select = Assert.Single(Assert.Single(payload.Components!).Components!);
        Assert.Equal(ComponentType.StringSelect, select.Type);
        Assert.Equal(25, select.Options!.Count);
        Assert.Equal(1, select.MaxValues);
    }

    [Fact]
    public void Render_MultiSelect_UsesAStringSelectWithMaxValues()
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.MultiSelect, 4))));

        var select = Assert.Single(Assert.Single(payload.Components!).Components!);
        Assert.Equal(ComponentType.StringSelect, select.Type);
        Assert.Equal(1, select.MinValues);
        Assert.Equal(4, select.MaxValues);
        Assert.Equal(["A", "B", "C", "D"], select.Options!.Select(o => o.Value));
        Assert.Equal($"s:{long.MaxValue}", select.CustomId);
    }

    [Fact]
    public void Render_FreeText_ShowsOneAnswerButton()
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.FreeText, 0))));

        var button = Assert.Single(Assert.Single(payload.Components!).Components!);
        Assert.Equal("Answer", button.Label);
        Assert.Equal($"o:{long.MaxValue}", button.CustomId);
        Assert.Null(button.Disabled);
    }

    [Theory]
    [InlineData(AnswerInput.SingleChoice, 4)]
    [InlineData(AnswerInput.MultiSelect, 4)]
    [InlineData(AnswerInput.FreeText, 0)]
    public void Render_ClosedQuestion_DisablesEveryControl(AnswerInput input, int options)
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(new OutgoingMessage("", Question(input, options, closed: true))));

        Assert.All(payload.Components!.SelectMany(r => r.Components!), c => Assert.True(c.Disabled));
    }

    [Fact]
    public void Render_VeryLongPrompt_IsSplitWithTheControlsAndTallyOnTheLastPart()
    {
        var prompt = string.Join(' ', Enumerable.Range(0, 1200).Select(i => "word" + i));

        var payloads = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 4, prompt: prompt)));

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.InRange(p.Content!.Length, 1, 2000));
        Assert.All(payloads[..^1], p => Assert.Null(p.Components));
        Assert.NotNull(payloads[^1].Components);
        Assert.Contains("-# 3 answers", payloads[^1].Content, StringComparison.Ordinal);
        var words = string.Join(' ', payloads.Select(p => p.Content)).Split(' ', '\n').Where(w => w.StartsWith("word", StringComparison.Ordinal));
        Assert.Equal(1200, words.Distinct().Count());
    }

    [Fact]
    public void Contents_LongText_NumbersEachPart()
    {
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"Line {i} of a long formula sheet."));

        var parts = DiscordMessageRenderer.Contents(OutgoingMessage.PrivateText(text));

        Assert.Equal(6, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"\n-# {i}/6"), parts.Select(p => p[p.LastIndexOf('\n')..]));
        Assert.Equal(text, string.Join("\n", parts.Select(p => p[..p.LastIndexOf('\n')])));
    }

    [Fact]
    public void Contents_ShortText_HasNoPartNumber()
    {
        Assert.Equal(["Short."], DiscordMessageRenderer.Contents(OutgoingMessage.PrivateText("Short.")));
    }

    [Fact]
    public void Render_LongQuestion_NumbersThePartsAndKeepsTheTallyLast()
    {
        var prompt = string.Join(' ', Enumerable.Range(0, 1200).Select(i => "word" + i));

        var payloads = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 4, prompt: prompt)));

        Assert.EndsWith("\n-# 1/" + payloads.Count, payloads[0].Content, StringComparison.Ordinal);
        Assert.EndsWith($"-# 3 answers · {payloads.Count}/{payloads.Count}", payloads[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FillInBlank_ShowsUnderscoresNotUnderline()
    {
        var card = Question(AnswerInput.FreeText, 0, prompt: "The `__init__` file of a _______ package, __not__ bold.");

        var content = DiscordMessageRenderer.Render(new OutgoingMessage("", card))[0].Content;

        Assert.Contains("The `__init__` file of a \\_\\_\\_\\_\\_\\_\\_ package, \\_\\_not\\_\\_ bold.", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_CutInsideACodeBlock_ClosesTheFence()
    {
        var text = "intro\n```\n" + string.Concat(Enumerable.Repeat("line of code\n", 300)) + "```";

        var fitted = DiscordMessageRenderer.Fit(text, 2000);

        Assert.True(fitted.Length <= 2000);
        Assert.Equal(0, Regex.Count(fitted, "```") % 2);
    }

    [Fact]
    public void Fit_DoesNotSplitASurrogatePair()
    {
        var text = new string('a', 1998) + "😀😀";

        var fitted = DiscordMessageRenderer.Fit(text, 2000);

        Assert.False(char.IsHighSurrogate(fitted[^2]));
    }

    [Fact]
    public void Contents_LongTable_IsSplitWithEveryRowAndEachPartsFenceClosed()
    {
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Person " + i, "123.5"]).ToList();
        var table = new TableCard("Leaderboard · week", ["#", "Name", "Points"], rows, "Page 1 of 50");

        var parts = DiscordMessageRenderer.Contents(new OutgoingMessage("Weekly standings", table));

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts, p => Assert.Equal(0, Regex.Count(p, "```") % 2));
        var all = string.Join("\n", parts);
        Assert.All(rows, r => Assert.Contains("Person " + r[0] + " ", all, StringComparison.Ordinal));
        Assert.EndsWith($"Page 1 of 50\n-# {parts.Count}/{parts.Count}", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_StepsAndReveal_ContainTheirParts()
    {
        var steps = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", new StepsCard("Servers", "ceil(peak × buffer / capacity)", ["200 × 1.25 = 250", "250 / 50 = 5"], "5 servers"))));
        var reveal = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", new RevealCard(1, "Question 1", "Which?", "B", "Because B.",
            [new RevealOption("A", "a", 1, 25, false, "A is wrong."), new RevealOption("B", "b", 3, 75, true, null)], 4, 3, ["Ada"], ["Ada moved up to #1"], [], "3 of 4 correct"))));

        Assert.Contains("1. 200 × 1.25 = 250", steps, StringComparison.Ordinal);
        Assert.Contains("**Answer:** 5 servers", steps, StringComparison.Ordinal);
        Assert.Contains("✅ **B** b · 3 (75%)", reveal, StringComparison.Ordinal);
        Assert.Contains("A is wrong.", reveal, StringComparison.Ordinal);
        Assert.Contains("3 of 4 correct · fastest: Ada", reveal, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_RevealOfTypedAnswers_ShowsEachAnswerOnceAndLiterally()
    {
        var reveal = new RevealCard(1, "Fill 1", "The unit is a ____.", "Pod", "", [new RevealOption("Pod", "Pod", 2, 50, true, null), new RevealOption("||x||", "||x||", 2, 50, false, null)], 4, 2, [], [], []);

        var content = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", reveal)));

        Assert.Contains("✅ Pod · 2 (50%)", content, StringComparison.Ordinal);
        Assert.Contains(@"▫️ \|\|x\|\| · 2", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_RevealWithoutExplanation_ShowsTheSolutionStepsOnce()
    {
        var reveal = new RevealCard(1, "Numerical 1", "How many?", "4", "200 / 50 = 4", [], 0, 0, [], [], ["200 / 50 = 4"]);

        var content = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", reveal)));

        Assert.Equal(1, Regex.Count(content, Regex.Escape("200 / 50 = 4")));
    }

    [Fact]
    public void Contents_PrivateQuestion_HasNoTally()
    {
        var content = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 4), Private: true)));

        Assert.DoesNotContain("answers", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_NamesInTableTitleAndFooter_AreEscapedOutsideTheCodeBlock()
    {
        var table = new TableCard("Stats for b*o*b ||s||", ["#", "Name"], [["1", "b*o*b ||s||"]], "b*o*b ||s||: #1");

        var content = Assert.Single(DiscordMessageRenderer.Contents(new OutgoingMessage("", table)));

        Assert.StartsWith(@"**Stats for b\*o\*b \|\|s\|\|**", content, StringComparison.Ordinal);
        Assert.Contains("1  b*o*b ||s||", content, StringComparison.Ordinal);
        Assert.EndsWith(@"b\*o\*b \|\|s\|\|: \#1", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intro\n\n```csv\n")]
    [InlineData("")]
    public void Split_LongCodeBlock_ReopensTheFenceWithItsLanguage(string lead)
    {
        var text = lead + (lead.Length == 0 ? "```csv\n" : "") + string.Concat(Enumerable.Repeat("a,b,c\n", 700)) + "```";

        var parts = DiscordText.Split(text, 2000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts[1..], p => Assert.StartsWith("```csv\n", p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.Equal(0, Regex.Count(p, "```") % 2));
        Assert.Equal(700, parts.Sum(p => Regex.Count(p, "a,b,c")));
    }

    [Fact]
    public void Render_AnyMessage_ForbidsAllMentions()
    {
        var payload = Assert.Single(DiscordMessageRenderer.Render(OutgoingMessage.PublicText("@everyone look <@&123>")));

        var json = JsonSerializer.SerializeToElement(payload, DiscordJsonContext.Default.MessagePayload);
        Assert.Equal("""{"parse":[]}""", json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public void CallbackData_PrivateMessage_IsEphemeral()
    {
        var data = DiscordMessageRenderer.CallbackData(DiscordMessageRenderer.Render(OutgoingMessage.PrivateText("only you"))[0], isPrivate: true);

        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
        Assert.NotNull(data.AllowedMentions);
    }

    [Theory]
    [InlineData("a:42:B", 'a', 42, "B")]
    [InlineData("s:9223372036854775807", 's', long.MaxValue, null)]
    [InlineData("o:7", 'o', 7, null)]
    [InlineData("t:7", 't', 7, null)]
    public void TryParse_OwnCustomIds_RoundTrip(string id, char kind, long post, string? key)
    {
        Assert.True(DiscordCustomIds.TryParse(id, out var k, out var p, out var ky));
        Assert.Equal(((CustomIdKind)kind, post, key), (k, p, ky));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a:42")]
    [InlineData("a:42:")]
    [InlineData("s:42:x")]
    [InlineData("x:42")]
    [InlineData("s:-1")]
    [InlineData("s:0")]
    [InlineData("s:abc")]
    [InlineData("s:99999999999999999999")]
    public void TryParse_ForeignOrBroken_IsRejected(string? id) =>
        Assert.False(DiscordCustomIds.TryParse(id, out _, out _, out _));
}
