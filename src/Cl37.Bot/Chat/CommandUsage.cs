using System.Text;

namespace Cl37.Bot.Chat;

/// <summary>Usage lines and examples rendered from the command definitions, in the one spelling
/// every platform reads: options by name, <c>name:value</c>, as Discord's command picker writes them.</summary>
public static class CommandUsage
{
    public static string Of(CommandDefinition command, SubCommandDefinition? sub = null)
    {
        if (sub is not null)
            return Line(command.Name + " " + sub.Name, sub.Options);
        if (command.SubCommands.Count == 0)
            return Line(command.Name, command.Options);
        return string.Join('\n', command.SubCommands.Select(s => Line(command.Name + " " + s.Name, s.Options)));
    }

    /// <summary>The registered example of the command (or sub-command), written with option names
    /// as Discord shows them: <c>/calc servers peak:200 capacity:50</c>. Every platform reads this form.</summary>
    public static string Example(CommandDefinition command, SubCommandDefinition? sub)
    {
        var example = sub?.Example ?? command.Example ?? command.SubCommands.FirstOrDefault()?.Example;
        if (example is null)
            return "/" + command.Name;
        var parsed = CommandTextParser.Parse(new CommandCatalog([command]), example, new ChannelRef("", "", ""), new ChatUser("", "", false)).Command;
        if (parsed is null)
            return example;
        var definition = parsed.SubCommand is null ? null : command.FindSubCommand(parsed.SubCommand);
        var order = (definition?.Options ?? command.Options).Select(o => o.Name).ToList();
        var line = new StringBuilder("/").Append(command.Name);
        if (parsed.SubCommand is { } subName)
            line.Append(' ').Append(subName);
        foreach (var (name, value) in parsed.Arguments.OrderBy(a => order.IndexOf(a.Key)))
            line.Append(' ').Append(name).Append(':').Append(value.Contains(' ', StringComparison.Ordinal) && !IsList(definition?.Options ?? command.Options, name) ? "\"" + value + "\"" : value);
        return line.ToString();
    }

    /// <summary>A command with the given options in the one spelling (<c>/leaderboard period:competition</c>),
    /// checked against the definition so a renamed option cannot leave a message teaching the old name.</summary>
    public static string Invocation(CommandDefinition command, string? sub, params (string Name, string Value)[] arguments)
    {
        var definition = sub is null ? null : command.FindSubCommand(sub) ?? throw new ArgumentException($"/{command.Name} has no sub-command {sub}.", nameof(sub));
        var options = definition?.Options ?? command.Options;
        var line = new StringBuilder("/").Append(command.Name);
        if (definition is not null)
            line.Append(' ').Append(definition.Name);
        foreach (var (name, value) in arguments)
        {
            var option = options.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"/{command.Name} {sub} has no option {name}.", nameof(arguments));
            line.Append(' ').Append(option.Name).Append(':').Append(value);
        }
        return line.ToString();
    }

    /// <summary>The named form of one option as a person writes it: <c>force:true</c>, <c>peak:…</c>.</summary>
    public static string Named(OptionDefinition o) => o.Kind switch
    {
        OptionKind.Boolean => o.Name + ":true",
        OptionKind.File => o.Name + ":<attachment>",
        _ when o.Choices is { Count: > 0 and <= 4 } choices => o.Name + ":" + string.Join('|', choices),
        _ => o.Name + ":…",
    };

    private static bool IsList(IReadOnlyList<OptionDefinition> options, string name) =>
        options.Any(o => o.Kind == OptionKind.Rest && string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Line(string path, IReadOnlyList<OptionDefinition> options)
    {
        var sb = new StringBuilder("/").Append(path);
        foreach (var o in options.OrderBy(o => o.Required ? 0 : 1))
            sb.Append(' ').Append(o.Required ? Named(o) : "[" + Named(o) + "]");
        return sb.ToString();
    }
}
