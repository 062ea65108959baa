using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Rendering;

/// <summary>Renders <see cref="CommandCatalog"/> as Discord application commands (DAD
/// interactions/application-commands.mdx): a catalog sub-command named with a space
/// (<c>schedule set</c>) becomes sub-command group <c>schedule</c> with sub-command <c>set</c>;
/// required options come first; admin-only commands get <c>default_member_permissions: "32"</c>
/// (Manage Server), and mixed commands are checked server-side instead.</summary>
internal static class DiscordCommandBuilder
{
    public const string ManageGuildPermission = "32";

    public static List<ApplicationCommand> Build(IReadOnlyList<CommandDefinition> catalog) =>
        catalog.Select(Command).ToList();

    /// <summary>Whether the commands Discord has match the wanted ones in every field this bot sets
    /// (ids, versions and fields Discord adds are ignored; an absent <c>required</c> is false).</summary>
    public static bool Same(IReadOnlyList<ApplicationCommand> current, IReadOnlyList<ApplicationCommand> wanted)
    {
        if (current.Count != wanted.Count)
            return false;
        var byName = current.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return wanted.All(w => byName.TryGetValue(w.Name, out var c)
            && c.Type == w.Type && c.Description == w.Description && c.DefaultMemberPermissions == w.DefaultMemberPermissions
            && SameOptions(c.Options, w.Options));
    }

    private static bool SameOptions(List<CommandOption>? current, List<CommandOption>? wanted)
    {
        current ??= [];
        wanted ??= [];
        return current.Count == wanted.Count && current.Zip(wanted).All(p =>
            p.First.Type == p.Second.Type && p.First.Name == p.Second.Name && p.First.Description == p.Second.Description
            && (p.First.Required ?? false) == (p.Second.Required ?? false)
            && p.First.MinValue == p.Second.MinValue && p.First.MaxValue == p.Second.MaxValue && p.First.MaxLength == p.Second.MaxLength
            && (p.First.Choices ?? []).Select(c => c.Name + "=" + c.Value.GetRawText()).SequenceEqual((p.Second.Choices ?? []).Select(c => c.Name + "=" + c.Value.GetRawText()))
            && SameOptions(p.First.Options, p.Second.Options));
    }

    private static ApplicationCommand Command(CommandDefinition c)
    {
        var adminOnly = c.AdminOnly || (c.SubCommands.Count > 0 && c.SubCommands.All(s => s.AdminOnly));
        List<CommandOption> options;
        if (c.SubCommands.Count == 0)
            options = Options(c.Options);
        else
        {
            options = [];
            foreach (var s in c.SubCommands)
            {
                var space = s.Name.IndexOf(' ');
                if (space < 0)
                {
                    options.Add(Sub(s.Name, s));
                    continue;
                }
                var groupName = s.Name[..space];
                var group = options.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommandGroup && o.Name == groupName);
                if (group is null)
                {
                    group = new CommandOption { Type = ApplicationCommandOptionType.SubCommandGroup, Name = groupName, Description = Text(groupName + " commands", 100), Options = [] };
                    options.Add(group);
                }
                group.Options!.Add(Sub(s.Name[(space + 1)..], s));
            }
        }
        return new ApplicationCommand
        {
            Type = ApplicationCommandType.ChatInput,
            Name = c.Name,
            Description = Text(c.Description, 100),
            Options = options.Count == 0 ? null : options,
            DefaultMemberPermissions = adminOnly ? ManageGuildPermission : null,
            Contexts = [InteractionContextType.Guild],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        };
    }

    private static CommandOption Sub(string name, SubCommandDefinition s) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = Text(s.Description, 100),
        Options = s.Options.Count == 0 ? null : Options(s.Options),
    };

    private static List<CommandOption> Options(IReadOnlyList<OptionDefinition> options) =>
        options.OrderBy(o => o.Required ? 0 : 1).Select(Option).ToList();

    private static CommandOption Option(OptionDefinition o)
    {
        var type = o.Kind switch
        {
            OptionKind.Integer => ApplicationCommandOptionType.Integer,
            OptionKind.Number => ApplicationCommandOptionType.Number,
            OptionKind.Boolean => ApplicationCommandOptionType.Boolean,
            OptionKind.User => ApplicationCommandOptionType.User,
            OptionKind.File => ApplicationCommandOptionType.Attachment,
            _ => ApplicationCommandOptionType.String,
        };
        var numeric = type is ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number;
        return new CommandOption
        {
            Type = type,
            Name = o.Name,
            Description = Text(o.Description, 100),
            Required = o.Required ? true : null,
            Choices = o.Choices is { Count: > 0 } choices
                ? choices.Take(25).Select(ch => new CommandChoice { Name = ch, Value = JsonSerializer.SerializeToElement(ch, DiscordJsonContext.Default.String) }).ToList()
                : null,
            MinValue = numeric ? o.MinValue : null,
            MaxValue = numeric ? o.MaxValue : null,
            MaxLength = type == ApplicationCommandOptionType.String && o.MaxLength is { } max ? Math.Min(max, 6000) : null,
        };
    }

    private static string Text(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
