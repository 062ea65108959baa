namespace Cl37.Bot.Chat;

/// <summary>What is wrong with a typed command, as a fact; <c>Messages/</c> words it.</summary>
public abstract record CommandParseError
{
    /// <summary>Longer than <see cref="CommandTextParser.MaxLength"/>.</summary>
    public sealed record TooLong(int MaxLength) : CommandParseError;

    /// <summary>Nothing but spaces.</summary>
    public sealed record Empty : CommandParseError;

    /// <summary>No command by that name.</summary>
    public sealed record UnknownCommand(string Name) : CommandParseError;

    /// <summary>A command with sub-commands, given none (<paramref name="Given"/> null) or one it does not have.</summary>
    public sealed record NoSuchSubCommand(CommandDefinition Command, string? Given) : CommandParseError;

    /// <summary>An option named last, with no value after it.</summary>
    public sealed record MissingValue(CommandDefinition Command, SubCommandDefinition? Sub, OptionDefinition Option) : CommandParseError;

    /// <summary>More positional values than the command takes.</summary>
    public sealed record TooManyValues(CommandDefinition Command, SubCommandDefinition? Sub, string Extra) : CommandParseError;

    /// <summary>An option the command does not have.</summary>
    public sealed record UnknownOption(CommandDefinition Command, SubCommandDefinition? Sub, string Name) : CommandParseError;
}
