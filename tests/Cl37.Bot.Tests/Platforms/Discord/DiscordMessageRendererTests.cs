using System.Text.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord;
using Cl37.Bot.Platforms.Discord.Interactions;

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
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 25)));

        Assert.Equal(5, payload.Components!.Count);
        Assert.All(payload.Components, row => Assert.Equal(5, row.Components!.Count));
        Assert.All(payload.Components.SelectMany(r => r.Components!), b => Assert.True(b.CustomId!.Length <= 100));
        Assert.Equal(25, payload.Components.SelectMany(r => r.Components!).Select(b => b.CustomId).Distinct().Count());
    }

    [Fact]
    public void Render_SingleChoiceWithMoreThan25Options_FallsBackToASelectOf25()
    {
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 30)));

        var select = Assert.Single(Assert.Single(payload.Components!).Components!);
        Assert.Equal(3, select.Type);
        Assert.Equal(25, select.Options!.Count);
        Assert.Equal(1, select.MaxValues);
    }

    [Fact]
    public void Render_MultiSelect_UsesAStringSelectWithMaxValues()
    {
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.MultiSelect, 4)));

        var select = Assert.Single(Assert.Single(payload.Components!).Components!);
        Assert.Equal(3, select.Type);
        Assert.Equal(1, select.MinValues);
        Assert.Equal(4, select.MaxValues);
        Assert.Equal(["A", "B", "C", "D"], select.Options!.Select(o => o.Value));
        Assert.Equal($"s:{long.MaxValue}", select.CustomId);
    }

    [Fact]
    public void Render_FreeText_ShowsOneAnswerButton()
    {
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.FreeText, 0)));

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
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(input, options, closed: true)));

        Assert.All(payload.Components!.SelectMany(r => r.Components!), c => Assert.True(c.Disabled));
    }

    [Fact]
    public void Render_VeryLongPrompt_StaysWithin2000Characters()
    {
        var payload = DiscordMessageRenderer.Render(new OutgoingMessage("", Question(AnswerInput.SingleChoice, 4, prompt: new string('x', 5000))));

        Assert.Equal(2000, payload.Content!.Length);
        Assert.EndsWith("…", payload.Content, StringComparison.Ordinal);
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
    public void Render_LongTable_DropsRowsAndKeepsTheFenceClosed()
    {
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Person with a long display name " + i, "123.5"]).ToList();
        var table = new TableCard("Leaderboard · week", ["#", "Name", "Points"], rows, "Page 1 of 50");

        var content = DiscordMessageRenderer.Content(new OutgoingMessage("Weekly standings", table));

        Assert.True(content.Length <= 2000);
        Assert.Equal(2, Regex.Count(content, "```"));
        Assert.Contains("more", content, StringComparison.Ordinal);
        Assert.EndsWith("Page 1 of 50", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StepsAndReveal_ContainTheirParts()
    {
        var steps = DiscordMessageRenderer.Content(new OutgoingMessage("", new StepsCard("Servers", "ceil(peak × buffer / capacity)", ["200 × 1.25 = 250", "250 / 50 = 5"], "5 servers")));
        var reveal = DiscordMessageRenderer.Content(new OutgoingMessage("", new RevealCard(1, "Question 1", "Which?", "B", "Because B.",
            [new RevealOption("A", "a", 1, 25, false, "A is wrong."), new RevealOption("B", "b", 3, 75, true, null)], 4, 3, ["Ada"], ["Ada moved up to #1"], [])));

        Assert.Contains("1. 200 × 1.25 = 250", steps, StringComparison.Ordinal);
        Assert.Contains("**Answer:** 5 servers", steps, StringComparison.Ordinal);
        Assert.Contains("✅ **B** b · 3 (75%)", reveal, StringComparison.Ordinal);
        Assert.Contains("A is wrong.", reveal, StringComparison.Ordinal);
        Assert.Contains("3 of 4 correct · fastest: Ada", reveal, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnyMessage_ForbidsAllMentions()
    {
        var payload = DiscordMessageRenderer.Render(OutgoingMessage.PublicText("@everyone look <@&123>"));

        var json = JsonSerializer.SerializeToElement(payload, DiscordJsonContext.Default.MessagePayload);
        Assert.Equal("""{"parse":[]}""", json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public void CallbackData_PrivateMessage_IsEphemeral()
    {
        var data = DiscordMessageRenderer.CallbackData(OutgoingMessage.PrivateText("only you"));

        Assert.Equal(64, data.Flags);
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
        Assert.Equal((kind, post, key), (k, p, ky));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a:42")]
    [InlineData("a:42:")]
    [InlineData("s:42:x")]
    [InlineData("x:42")]
    [InlineData("s:-1")]
    [InlineData("s:abc")]
    [InlineData("s:99999999999999999999")]
    public void TryParse_ForeignOrBroken_IsRejected(string? id) =>
        Assert.False(DiscordCustomIds.TryParse(id, out _, out _, out _));
}
