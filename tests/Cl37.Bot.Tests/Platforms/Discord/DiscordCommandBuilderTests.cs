using System.Text.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>The slash commands rendered from the catalog obey DAD application-commands.mdx.</summary>
public sealed partial class DiscordCommandBuilderTests
{
    private static readonly List<ApplicationCommand> Commands = DiscordCommandBuilder.Build(CommandRegistrations.Catalog().All);

    [GeneratedRegex(@"^[-_'\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex NameRule();

    [Fact]
    public void Build_EveryCommand_HasValidNamesDescriptionsAndOrder()
    {
        Assert.Equal(CommandRegistrations.Catalog().All.Count, Commands.Count);
        Assert.True(Commands.Count <= 100);
        foreach (var c in Commands)
        {
            Assert.Equal(ApplicationCommandType.ChatInput, c.Type);
            Assert.Matches(NameRule(), c.Name);
            Assert.InRange(c.Description.Length, 1, 100);
            Check(c.Options);
        }

        static void Check(List<CommandOption>? options)
        {
            if (options is null)
                return;
            Assert.True(options.Count <= 25);
            Assert.Equal(options.Count, options.Select(o => o.Name).Distinct().Count());
            var sawOptional = false;
            foreach (var o in options)
            {
                Assert.Matches(NameRule(), o.Name);
                Assert.InRange(o.Description.Length, 1, 100);
                if (o.Required != true)
                    sawOptional = true;
                else
                    Assert.False(sawOptional, $"required option {o.Name} after an optional one");
                Assert.True(o.Choices is null || o.Choices.Count <= 25);
                Check(o.Options);
            }
        }
    }

    [Fact]
    public void Build_ScheduleSubCommands_BecomeAGroup()
    {
        var quiz = Commands.Single(c => c.Name == "quiz");

        var group = quiz.Options!.Single(o => o.Name == "schedule");
        Assert.Equal(ApplicationCommandOptionType.SubCommandGroup, group.Type);
        Assert.Equal(["set", "show", "off"], group.Options!.Select(o => o.Name));
        Assert.All(group.Options!, o => Assert.Equal(ApplicationCommandOptionType.SubCommand, o.Type));
        var set = group.Options!.Single(o => o.Name == "set");
        Assert.Equal("time", set.Options![0].Name);
        Assert.True(set.Options[0].Required);
        var window = set.Options.Single(o => o.Name == "window");
        Assert.Equal(ApplicationCommandOptionType.Number, window.Type);
        Assert.Equal(0.25, window.MinValue);
        Assert.Equal(167, window.MaxValue);
        var results = set.Options.Single(o => o.Name == "results");
        Assert.Equal(["immediate", "reveal"], results.Choices!.Select(c => c.Value.GetString()));
    }

    [Fact]
    public void Build_OptionKinds_MapToDiscordTypes()
    {
        var calc = Commands.Single(c => c.Name == "calc");
        var hpa = calc.Options!.Single(o => o.Name == "hpa").Options!;
        var weights = calc.Options!.Single(o => o.Name == "weights").Options!;
        var stats = Commands.Single(c => c.Name == "stats").Options!;

        Assert.Equal(ApplicationCommandOptionType.Integer, hpa.Single(o => o.Name == "current_pods").Type);
        Assert.Equal(1, hpa.Single(o => o.Name == "current_pods").MinValue);
        Assert.Equal(ApplicationCommandOptionType.String, hpa.Single(o => o.Name == "current_metric").Type);
        Assert.Equal(ApplicationCommandOptionType.String, weights.Single(o => o.Name == "layers").Type);
        Assert.Equal(200, weights.Single(o => o.Name == "layers").MaxLength);
        Assert.Equal(ApplicationCommandOptionType.Boolean, weights.Single(o => o.Name == "biases").Type);
        Assert.Equal(ApplicationCommandOptionType.User, stats.Single(o => o.Name == "user").Type);
    }

    [Fact]
    public void Build_AdminPermissions_OnlyWhereTheWholeCommandIsAdminOnly()
    {
        foreach (var (definition, command) in CommandRegistrations.Catalog().All.Zip(Commands))
        {
            var wholeCommandAdmin = definition.AdminOnly || (definition.SubCommands.Count > 0 && definition.SubCommands.All(s => s.AdminOnly));
            Assert.Equal(wholeCommandAdmin ? "32" : null, command.DefaultMemberPermissions);
        }
        var allAdmin = new CommandDefinition("admin", "Admin things", [new("a", "A", [], Access: CommandAccess.Admin), new("b", "B", [], Access: CommandAccess.Admin)], []);
        Assert.Equal("32", DiscordCommandBuilder.Build([allAdmin])[0].DefaultMemberPermissions);
        Assert.Equal("32", DiscordCommandBuilder.Build([new CommandDefinition("cfg", "Config", [], [], Access: CommandAccess.Admin)])[0].DefaultMemberPermissions);
    }

    [Fact]
    public void Build_Serialized_UsesSnakeCaseAndStringPermissions()
    {
        var json = JsonSerializer.SerializeToElement(DiscordCommandBuilder.Build([new CommandDefinition("cfg", "Config", [], [new("max_items", "How many", OptionKind.Integer, Required: true, MinValue: 1)], Access: CommandAccess.Admin)]), DiscordJsonContext.Default.ListApplicationCommand)[0];

        Assert.Equal("32", json.GetProperty("default_member_permissions").GetString());
        Assert.Equal("[0]", json.GetProperty("contexts").GetRawText());
        var option = json.GetProperty("options")[0];
        Assert.Equal(4, option.GetProperty("type").GetInt32());
        Assert.Equal("1", option.GetProperty("min_value").GetRawText());
        Assert.True(option.GetProperty("required").GetBoolean());
    }
}
