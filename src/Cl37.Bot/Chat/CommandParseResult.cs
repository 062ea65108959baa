namespace Cl37.Bot.Chat;

/// <summary>Either a parsed command or what is wrong with the text.</summary>
public sealed record CommandParseResult(ChatCommand? Command, CommandParseError? Error)
{
    public static CommandParseResult Ok(ChatCommand command) => new(command, null);

    public static CommandParseResult Fail(CommandParseError error) => new(null, error);
}
