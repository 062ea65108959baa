namespace Cl37.Bot.Chat;

/// <summary>Either a parsed command or one sentence saying what is wrong with the text.</summary>
public sealed record CommandParseResult(ChatCommand? Command, string? Error)
{
    public static CommandParseResult Ok(ChatCommand command) => new(command, null);

    public static CommandParseResult Fail(string error) => new(null, error);
}
