using System.Text;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>/help [command], rendered from the shared command definitions.</summary>
public sealed class HelpCommand(CommandCatalog catalog) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("help", "What the bot can do", [],
    [
        new("command", "A command to explain", OptionKind.Text, MaxLength: 32),
    ], Example: "/help command:calc");

    CommandDefinition ICommandHandler.Definition => Definition;

    public Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        if (command.Arg("command") is { } name && catalog.Find(name.TrimStart('/')) is { } one)
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
        else
        {
            if (command.Arg("command") is { } unknown)
                sb.Append("I don't know `").Append(CommandTextParser.Shorten(unknown)).Append("`. ");
            sb.Append("**Cl37.Bot** — a daily exam-prep question, leaderboards and the course's calculators.\n");
            foreach (var c in catalog.All)
                sb.Append("- **/").Append(c.Name).Append("** — ").Append(c.Description).Append(c.SubCommands.Count > 0 ? " (" + string.Join(", ", c.SubCommands.Select(s => s.Name)) + ")" : "").Append('\n');
            sb.Append('`').Append(CommandUsage.Of(Definition).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))
              .Append("` explains one command, for example `").Append(CommandUsage.Example(Definition, null)).Append("`.");
        }
        return Task.FromResult(OutgoingMessage.PrivateText(sb.ToString()));
    }
}
