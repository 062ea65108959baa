using System.Text.Json;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>Payloads shaped like the docs' examples (DAD application-commands.mdx "Example
/// Interaction", components/reference.mdx interaction data examples, gateway-events.mdx Hello/Ready),
/// read into the wire types and written back: what is written must be exactly what was read, and
/// the fields the adapter relies on must survive.</summary>
public sealed class DiscordGoldenSampleTests
{
    public static TheoryData<string> Samples() =>
    [
        "hello.json",
        "ready.json",
        "interaction_create_command.json",
        "interaction_create_command_group.json",
        "interaction_create_button.json",
        "interaction_create_select.json",
        "interaction_create_modal.json",
        "interaction_create_modal_legacy.json",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void RoundTrip_Sample_WritesBackExactlyWhatWasRead(string file)
    {
        var original = JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", file))).RootElement;
        var payload = JsonSerializer.Deserialize(original.GetRawText(), DiscordJsonContext.Default.GatewayPayload)!;
        var d = payload.D!.Value;

        JsonElement written = payload.Op == GatewayOpcode.Hello
            ? JsonSerializer.SerializeToElement(d.Deserialize(DiscordJsonContext.Default.HelloData)!, DiscordJsonContext.Default.HelloData)
            : payload.T == "READY"
                ? JsonSerializer.SerializeToElement(d.Deserialize(DiscordJsonContext.Default.ReadyData)!, DiscordJsonContext.Default.ReadyData)
                : JsonSerializer.SerializeToElement(d.Deserialize(DiscordJsonContext.Default.Interaction)!, DiscordJsonContext.Default.Interaction);

        AssertSubset(written, original.GetProperty("d"), "d");
        Assert.Equal(original.GetProperty("op").GetInt32(), (int)payload.Op);
        Assert.Equal(original.GetProperty("t").ValueKind == JsonValueKind.Null ? null : original.GetProperty("t").GetString(), payload.T);
        var again = payload.Op == GatewayOpcode.Hello ? written
            : payload.T == "READY" ? JsonSerializer.SerializeToElement(written.Deserialize(DiscordJsonContext.Default.ReadyData)!, DiscordJsonContext.Default.ReadyData)
            : JsonSerializer.SerializeToElement(written.Deserialize(DiscordJsonContext.Default.Interaction)!, DiscordJsonContext.Default.Interaction);
        Assert.Equal(written.GetRawText(), again.GetRawText());
    }

    [Fact]
    public void Ready_Sample_KeepsSessionAndResumeUrl()
    {
        var ready = Data("ready.json").Deserialize(DiscordJsonContext.Default.ReadyData)!;

        Assert.Equal("9a2b6c1d0e7f4a3b8c5d2e1f0a9b8c7d", ready.SessionId);
        Assert.Equal("wss://gateway-us-east1-b.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal("1100000000000000001", ready.Application!.Id);
    }

    [Fact]
    public void ToCommand_SubCommandSample_GivesInvariantArguments()
    {
        var interaction = Interaction("interaction_create_command.json");

        var command = DiscordInteractionHandler.ToCommand(interaction, interaction.Data!)!;

        Assert.Equal("calc", command.Name);
        Assert.Equal("servers", command.SubCommand);
        Assert.Equal("200", command.Arg("peak"));
        Assert.Equal("12.5", command.Arg("capacity"));
        Assert.Equal(new Cl37.Bot.Chat.ChannelRef("discord", "290926798626357999", "645027906669510667"), command.Channel);
        Assert.Equal("53908232506183680", command.User.Id);
        Assert.Equal("Mason", command.User.DisplayName);
        Assert.True(command.User.IsPlatformAdmin);
    }

    [Fact]
    public void ToCommand_SubCommandGroupSample_JoinsGroupAndSubCommand()
    {
        var interaction = Interaction("interaction_create_command_group.json");

        var command = DiscordInteractionHandler.ToCommand(interaction, interaction.Data!)!;

        Assert.Equal("quiz", command.Name);
        Assert.Equal("schedule set", command.SubCommand);
        Assert.Equal("09:00", command.Arg("time"));
        Assert.Equal("1.5", command.Arg("window"));
        Assert.Equal("reveal", command.Arg("results"));
        Assert.Equal("Ada L.", command.User.DisplayName);
        Assert.True(command.User.IsPlatformAdmin);
    }

    [Fact]
    public void User_WithoutManageGuild_IsNotPlatformAdmin()
    {
        var user = DiscordInteractionHandler.User(Interaction("interaction_create_button.json"));

        Assert.False(user.IsPlatformAdmin);
        Assert.Equal("Nelly", user.DisplayName);
    }

    [Theory]
    [InlineData("interaction_create_modal.json", " 3.14 ")]
    [InlineData("interaction_create_modal_legacy.json", "serialization")]
    public void FindInput_BothModalShapes_FindsTheTypedAnswer(string file, string expected)
    {
        var interaction = Interaction(file);

        Assert.Equal(expected, DiscordInteractionHandler.FindInput(interaction.Data!.Components, DiscordCustomIds.AnswerInput));
    }

    [Fact]
    public void FindInput_NullEntriesInAForgedBody_AreSkipped()
    {
        var components = new List<SubmittedComponent>
        {
            null!,
            new() { Type = ComponentType.ActionRow, Components = [null!, new() { Type = ComponentType.TextInput, CustomId = DiscordCustomIds.AnswerInput, Value = "42" }] },
        };

        Assert.Equal("42", DiscordInteractionHandler.FindInput(components, DiscordCustomIds.AnswerInput));
        Assert.Null(DiscordInteractionHandler.FindInput([null!], DiscordCustomIds.AnswerInput));
    }

    [Fact]
    public void Serialize_WireEnums_WritesTheDocumentedNumbers()
    {
        var response = new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new InteractionCallbackData
            {
                Flags = MessageFlags.Ephemeral,
                Components = [new Component { Type = ComponentType.ActionRow, Components = [new Component { Type = ComponentType.Button, Style = (int)ButtonStyle.Primary, CustomId = "a:1:A" }] }],
            },
        };

        Assert.Equal(
            """{"type":4,"data":{"components":[{"type":1,"components":[{"type":2,"style":1,"custom_id":"a:1:A"}]}],"flags":64}}""",
            JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse));
        Assert.Equal("""{"op":1,"d":null}""", JsonSerializer.Serialize(new GatewaySend<long?> { Op = GatewayOpcode.Heartbeat }, DiscordJsonContext.Default.GatewaySendNullableInt64));
        Assert.Equal("""{"content":"x","allowed_mentions":{"parse":[]}}""", JsonSerializer.Serialize(new MessagePayload { Content = "x" }, DiscordJsonContext.Default.MessagePayload));
    }

    [Fact]
    public void Deserialize_NumbersWithoutAName_ReadAndWriteBackUnchanged()
    {
        const string json = """{"id":"1","application_id":"2","type":42,"token":"t","version":1,"message":{"id":"3","flags":98368}}""";

        var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(42, (int)interaction.Type);
        Assert.Equal(MessageFlags.Ephemeral | MessageFlags.IsComponentsV2 | (MessageFlags)(1 << 16), interaction.Message!.Flags);
        Assert.Equal(json, JsonSerializer.Serialize(interaction, DiscordJsonContext.Default.Interaction));
    }

    private static JsonElement Data(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", file))).RootElement.GetProperty("d");

    internal static Interaction Interaction(string file) => Data(file).Deserialize(DiscordJsonContext.Default.Interaction)!;

    private static void AssertSubset(JsonElement written, JsonElement original, string path)
    {
        switch (written.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(JsonValueKind.Object, original.ValueKind);
                foreach (var p in written.EnumerateObject())
                {
                    Assert.True(original.TryGetProperty(p.Name, out var o), $"{path}.{p.Name} was written but not read");
                    AssertSubset(p.Value, o, path + "." + p.Name);
                }
                break;
            case JsonValueKind.Array:
                Assert.Equal(original.GetArrayLength(), written.GetArrayLength());
                var i = 0;
                foreach (var (w, o) in written.EnumerateArray().Zip(original.EnumerateArray()))
                    AssertSubset(w, o, $"{path}[{i++}]");
                break;
            case JsonValueKind.Number:
                Assert.Equal(original.GetDecimal(), written.GetDecimal());
                break;
            case JsonValueKind.String:
                Assert.Equal(original.GetString(), written.GetString());
                break;
            default:
                Assert.Equal(original.GetRawText(), written.GetRawText());
                break;
        }
    }
}
