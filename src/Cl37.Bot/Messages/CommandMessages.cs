using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>What is wrong with a typed command or its arguments, before any handler runs.</summary>
public static class CommandMessages
{
    public static OutgoingMessage Unparsed(CommandParseError error) => OutgoingMessage.PrivateText(Describe(error));

    /// <summary>The sentence, with the usage to follow where one helps.</summary>
    public static string Describe(CommandParseError error) => error switch
    {
        CommandParseError.TooLong e => $"That command is too long (over {e.MaxLength} characters).",
        CommandParseError.Empty => "Type a command, for example `/help`.",
        CommandParseError.UnknownCommand e => $"I don't know the command `{CommandTextParser.Shorten(e.Name)}`. Try `/help` for the list.",
        CommandParseError.NoSuchSubCommand { Given: null } e => $"`/{e.Command.Name}` needs a sub-command.\nUsage:\n{CommandUsage.Of(e.Command)}",
        CommandParseError.NoSuchSubCommand e => $"`/{e.Command.Name}` has no sub-command `{CommandTextParser.Shorten(e.Given!)}`.\nUsage:\n{CommandUsage.Of(e.Command)}",
        CommandParseError.MissingValue e => $"`{CommandUsage.Named(e.Option)}` needs a value.\nUsage: {CommandUsage.Of(e.Command, e.Sub)}",
        CommandParseError.TooManyValues e => $"Too many values: `{CommandTextParser.Shorten(e.Extra)}` is more than `{Path(e.Command, e.Sub)}` takes.\nUsage: {CommandUsage.Of(e.Command, e.Sub)}",
        CommandParseError.UnknownOption e => $"`{Path(e.Command, e.Sub)}` has no option `{CommandTextParser.Shorten(e.Name)}`.\nUsage: {CommandUsage.Of(e.Command, e.Sub)}",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    private static string Path(CommandDefinition command, SubCommandDefinition? sub) => "/" + command.Name + (sub is null ? "" : " " + sub.Name);
}
