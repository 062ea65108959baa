using System.Text;

namespace Cl37.Bot.Chat;

/// <summary>Usage lines rendered from the command definitions.</summary>
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

    public static string Example(CommandDefinition command, SubCommandDefinition? sub) =>
        sub?.Example ?? command.Example ?? command.SubCommands.FirstOrDefault()?.Example ?? "/" + command.Name;

    private static string Line(string path, IReadOnlyList<OptionDefinition> options)
    {
        var sb = new StringBuilder("/").Append(path);
        foreach (var o in options)
        {
            var name = o.Kind == OptionKind.Boolean ? "--" + o.Name : o.Kind == OptionKind.Rest ? o.Name + "…" : o.Name;
            sb.Append(' ').Append(o.Required ? "<" + name + ">" : "[" + name + "]");
        }
        return sb.ToString();
    }
}
