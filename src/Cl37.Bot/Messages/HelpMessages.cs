using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>The one help renderer: <c>/help</c> and a command refused for its arguments, shown in the
/// syntax the person's platform uses (a usage line to type, or the options a picker asks for).</summary>
public static class HelpMessages
{
    private const string Intro = "**Cl37.Bot** — a daily exam-prep question, leaderboards and the course's calculators.\n";

    public static OutgoingMessage Help(HelpView view)
    {
        var sb = new StringBuilder();
        if (view.Command is { } one)
        {
            if (view.Syntax == CommandSyntax.Picker)
                PickerCommand(sb, one);
            else
                TypedCommand(sb, one);
        }
        else
        {
            if (view.Unknown is { } unknown)
                sb.Append("I don't know `").Append(CommandTextParser.Shorten(unknown)).Append("`. ");
            sb.Append(Intro);
            foreach (var c in view.All)
                sb.Append("- **/").Append(c.Name).Append("** — ").Append(c.Description).Append(c.SubCommands.Count > 0 ? " (" + string.Join(", ", c.SubCommands.Select(s => s.Name)) + ")" : "").Append('\n');
            if (view.Syntax == CommandSyntax.Picker)
                sb.Append('`').Append(CommandUsage.Of(view.Help).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace("…", "", StringComparison.Ordinal))
                  .Append("` and a command's name explains it; Discord lists each command's options as you type.");
            else
                sb.Append('`').Append(CommandUsage.Of(view.Help).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))
                  .Append("` explains one command, for example `").Append(CommandUsage.Example(view.Help, null)).Append("`.");
        }
        return OutgoingMessage.PrivateText(view.Syntax == CommandSyntax.Picker ? sb.ToString().TrimEnd() : sb.ToString());
    }

    /// <summary>What is wrong, then how the command is used.</summary>
    public static OutgoingMessage Problem(ArgumentProblem problem)
    {
        var (definition, sub) = (problem.Command, problem.Sub);
        if (problem.Error is not { } error)
            return OutgoingMessage.PrivateText($"`/{definition.Name}` needs one of: {string.Join(", ", definition.SubCommands.Select(s => s.Name))}.\nUsage:\n{CommandUsage.Of(definition)}");
        if (problem.Syntax == CommandSyntax.Typed)
            return OutgoingMessage.PrivateText($"{Describe(error)}\nUsage: {CommandUsage.Of(definition, sub)}\nExample: `{CommandUsage.Example(definition, sub)}`");
        var sb = new StringBuilder(Describe(error)).Append("\n\n**/").Append(definition.Name);
        if (sub is not null)
            sb.Append(' ').Append(sub.Name);
        sb.Append("**\n");
        Options(sb, sub?.Options ?? definition.Options);
        Example(sb, definition, sub);
        return OutgoingMessage.PrivateText(sb.ToString().TrimEnd());
    }

    /// <summary>One sentence naming the wrong argument.</summary>
    public static string Describe(ArgumentError error)
    {
        var name = error.Name;
        var value = CommandTextParser.Shorten(error.Value ?? "");
        var o = error.Option;
        return error.Kind switch
        {
            ArgumentErrorKind.NotAnOption => $"`{CommandTextParser.Shorten(name)}` is not an option of this command.",
            ArgumentErrorKind.Missing => $"`{name}` is missing: {o?.Description}.",
            ArgumentErrorKind.TooLong => $"`{name}` is too long ({error.Value?.Length} characters; at most {o?.MaxLength}).",
            ArgumentErrorKind.NotWholeNumber => $"`{name}` must be a whole number, not `{value}`.",
            ArgumentErrorKind.NotNumber => $"`{name}` must be a number, not `{value}`.",
            ArgumentErrorKind.NotBoolean => $"`{name}` must be true or false (`{name}:true`), not `{value}`.",
            ArgumentErrorKind.NotAChoice => $"`{name}` must be one of {string.Join(", ", o?.Choices ?? [])}, not `{value}`.",
            ArgumentErrorKind.BelowMinimum => $"`{name}` must be at least {o?.MinValue?.ToString(CultureInfo.InvariantCulture)}.",
            ArgumentErrorKind.AboveMaximum => $"`{name}` must be at most {o?.MaxValue?.ToString(CultureInfo.InvariantCulture)}.",
            ArgumentErrorKind.NoFile => $"`{name}` needs the file itself attached to the command, not typed as text. {o?.Description}.",
            _ => $"`{name}` is not right.",
        };
    }

    private static void TypedCommand(StringBuilder sb, CommandDefinition one)
    {
        sb.Append("**/").Append(one.Name).Append("** — ").Append(one.Description).Append('\n');
        foreach (var sub in one.SubCommands)
            sb.Append("- `").Append(CommandUsage.Of(one, sub)).Append("` — ").Append(sub.Description).Append(sub.AdminOnly ? " (admins)" : "").Append('\n');
        if (one.SubCommands.Count == 0)
        {
            sb.Append('`').Append(CommandUsage.Of(one)).Append("`\n");
            foreach (var o in one.Options)
                sb.Append("- `").Append(CommandUsage.Named(o)).Append("` — ").Append(o.Description).Append('\n');
        }
        sb.Append("Example: `").Append(CommandUsage.Example(one, null)).Append('`');
    }

    private static void PickerCommand(StringBuilder sb, CommandDefinition one)
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

    private static void Options(StringBuilder sb, IReadOnlyList<OptionDefinition> options)
    {
        // Required options first, as Discord registers them (DAD application-commands.mdx: required options must come first).
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
        OptionKind.File => "a file",
        _ => null,
    };

    private static void Example(StringBuilder sb, CommandDefinition command, SubCommandDefinition? sub)
    {
        if ((sub?.Example ?? command.Example) is null)
            return;
        sb.Append("Example: `").Append(CommandUsage.Example(command, sub)).Append("`\n");
    }
}
