using System.Text;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Discord.Rendering;

/// <summary>/help as Discord people use commands: slash commands whose options Discord's own
/// command picker asks for by name (<c>/calc weights layers: … biases: …</c>), rendered from the
/// same <see cref="CommandCatalog"/> that registers them, as a list of options with their kinds
/// rather than the one-line usage the typed platforms show.</summary>
internal static class DiscordHelp
{
    public const string Command = "help";

    public static OutgoingMessage Reply(CommandCatalog catalog, string? commandName)
    {
        var sb = new StringBuilder();
        if (commandName is not null && catalog.Find(commandName.Trim().TrimStart('/')) is { } one)
        {
            sb.Append("**/").Append(one.Name).Append("** — ").Append(one.Description).Append(one.AdminOnly ? " (admins)" : "").Append('\n');
            foreach (var sub in one.SubCommands)
            {
                sb.Append("\n**/").Append(one.Name).Append(' ').Append(sub.Name).Append("** — ").Append(sub.Description).Append(sub.AdminOnly ? " (admins)" : "").Append('\n');
                Options(sb, sub.Options);
                Example(sb, one, sub);
            }
            if (one.SubCommands.Count == 0)
            {
                Options(sb, one.Options);
                Example(sb, one, null);
            }
        }
        else
        {
            if (commandName is not null)
                sb.Append("I don't know `").Append(CommandTextParser.Shorten(commandName)).Append("`. ");
            sb.Append("**Cl37.Bot** — a daily exam-prep question, leaderboards and the course's calculators.\n");
            foreach (var c in catalog.All)
                sb.Append("- **/").Append(c.Name).Append("** — ").Append(c.Description).Append(c.SubCommands.Count > 0 ? " (" + string.Join(", ", c.SubCommands.Select(s => s.Name)) + ")" : "").Append('\n');
            sb.Append("`/help command:` and a command's name explains it; Discord lists each command's options as you type.");
        }
        return OutgoingMessage.PrivateText(sb.ToString().TrimEnd());
    }

    /// <summary>The command that answers the open typed question by text (<c>/quiz answer text:</c>),
    /// for when Discord will not open the answer box; null when no command does.</summary>
    public static (string Form, string Example)? TypedAnswerCommand(CommandCatalog catalog)
    {
        foreach (var command in catalog.All)
        {
            if (command.SubCommands.FirstOrDefault(s => s.AnswersTypedQuestion) is { } sub)
                return ("/" + command.Name + " " + sub.Name + string.Concat(sub.Options.Where(o => o.Required).Select(o => " " + o.Name + ":")), CommandUsage.Example(command, sub));
        }
        return null;
    }

    /// <summary>A command whose arguments the dispatcher would refuse, refused here with the Discord
    /// form of its usage; null when the arguments are fine (or the dispatcher has its own answer).</summary>
    public static OutgoingMessage? ArgumentProblem(CommandCatalog catalog, ChatCommand command)
    {
        if (catalog.Find(command.Name) is not { } definition)
            return null;
        var sub = command.SubCommand is null ? null : definition.FindSubCommand(command.SubCommand);
        if (definition.SubCommands.Count > 0 && sub is null)
            return null;
        if (ArgumentValidator.Validate(command, definition, sub) is not { } error)
            return null;
        var sb = new StringBuilder(error).Append("\n\n**/").Append(definition.Name);
        if (sub is not null)
            sb.Append(' ').Append(sub.Name);
        sb.Append("**\n");
        Options(sb, sub?.Options ?? definition.Options);
        Example(sb, definition, sub);
        return OutgoingMessage.PrivateText(sb.ToString().TrimEnd());
    }

    private static void Options(StringBuilder sb, IReadOnlyList<OptionDefinition> options)
    {
        // Required options first, as they are registered (DAD application-commands.mdx: required options must come first).
        foreach (var o in options.OrderBy(o => o.Required ? 0 : 1))
        {
            sb.Append("- `").Append(o.Name).Append(":` ").Append(o.Description);
            var notes = new List<string>();
            if (!o.Required)
                notes.Add("optional");
            if (Kind(o.Kind) is { } kind)
                notes.Add(kind);
            if (o.Choices is { Count: > 0 } choices)
                notes.Add(string.Join(" / ", choices));
            if (notes.Count > 0)
                sb.Append(" _(").Append(string.Join(", ", notes)).Append(")_");
            sb.Append('\n');
        }
    }

    private static string? Kind(OptionKind kind) => kind switch
    {
        OptionKind.Integer => "whole number",
        OptionKind.Number => "number",
        OptionKind.Boolean => "True or False",
        OptionKind.User => "a member",
        _ => null,
    };

    /// <summary>The registered example, written with the option names Discord shows.</summary>
    private static void Example(StringBuilder sb, CommandDefinition command, SubCommandDefinition? sub)
    {
        if ((sub?.Example ?? command.Example) is null)
            return;
        sb.Append("Example: `").Append(CommandUsage.Example(command, sub)).Append("`\n");
    }

}
