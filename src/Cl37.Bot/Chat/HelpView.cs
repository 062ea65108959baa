namespace Cl37.Bot.Chat;

/// <summary>What <c>/help</c> shows: every command, or one of them; <paramref name="Unknown"/> is a
/// name asked for that is no command. <c>Messages/</c> renders it in the person's <see cref="CommandSyntax"/>.</summary>
public sealed record HelpView(IReadOnlyList<CommandDefinition> All, CommandDefinition Help, CommandDefinition? Command, string? Unknown, CommandSyntax Syntax);
