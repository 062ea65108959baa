using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordPayloadRulesTests
{
    private static Component Button(string id) => new() { Type = ComponentType.Button, Style = (int)ButtonStyle.Primary, Label = "A", CustomId = id };

    private static Component Row(params Component[] children) => new() { Type = ComponentType.ActionRow, Components = [.. children] };

    [Theory]
    [InlineData(AnswerInput.SingleChoice, 25)]
    [InlineData(AnswerInput.SingleChoice, 40)]
    [InlineData(AnswerInput.MultiSelect, 30)]
    [InlineData(AnswerInput.FreeText, 0)]
    public void Check_EverythingTheRendererMakes_IsValid(AnswerInput input, int options)
    {
        var card = new QuestionCard(long.MaxValue, "q", new string('T', 300), new string('p', 3000), input,
            Enumerable.Range(0, options).Select(i => new CardOption("K" + i, new string('o', 150))).ToList(), 1, null);

        Assert.All(DiscordMessageRenderer.Render(new OutgoingMessage(new string('x', 500), card)), p => Assert.Null(DiscordPayloadRules.Check(p)));
    }

    public static TheoryData<string> Broken() =>
    [
        "empty",
        "content too long",
        "six rows",
        "six buttons in a row",
        "duplicate custom id",
        "custom id too long",
        "select with a button",
        "select with 26 options",
        "max values above options",
        "label too long",
    ];

    [Theory]
    [MemberData(nameof(Broken))]
    public void Check_BrokenMessage_SaysWhatIsWrong(string kind)
    {
        var select = new Component { Type = ComponentType.StringSelect, CustomId = "s:1", MinValues = 1, MaxValues = 1, Options = [new SelectOption { Label = "A", Value = "A" }] };
        var message = kind switch
        {
            "empty" => new MessagePayload(),
            "content too long" => new MessagePayload { Content = new string('x', 2001) },
            "six rows" => new MessagePayload { Components = Enumerable.Range(0, 6).Select(i => Row(Button("b" + i))).ToList() },
            "six buttons in a row" => new MessagePayload { Components = [Row(Enumerable.Range(0, 6).Select(i => Button("b" + i)).ToArray())] },
            "duplicate custom id" => new MessagePayload { Components = [Row(Button("a:1:A"), Button("a:1:A"))] },
            "custom id too long" => new MessagePayload { Components = [Row(Button(new string('i', 101)))] },
            "select with a button" => new MessagePayload { Components = [Row(select, Button("b"))] },
            "select with 26 options" => new MessagePayload { Components = [Row(new Component { Type = ComponentType.StringSelect, CustomId = "s", Options = Enumerable.Range(0, 26).Select(i => new SelectOption { Label = "o", Value = "v" + i }).ToList() })] },
            "max values above options" => new MessagePayload { Components = [Row(new Component { Type = ComponentType.StringSelect, CustomId = "s", MaxValues = 2, Options = [new SelectOption { Label = "o", Value = "v" }] })] },
            _ => new MessagePayload { Components = [Row(new Component { Type = ComponentType.Button, Style = (int)ButtonStyle.Primary, Label = new string('l', 81), CustomId = "b" })] },
        };

        Assert.NotNull(DiscordPayloadRules.Check(message));
    }
}
