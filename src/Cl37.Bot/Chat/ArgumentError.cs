namespace Cl37.Bot.Chat;

/// <summary>What is wrong with a command's arguments, as the validator finds it; <c>Messages/</c> words it.</summary>
/// <param name="Name">The option as the person wrote it (for <see cref="ArgumentErrorKind.NotAnOption"/>) or as defined.</param>
/// <param name="Value">The value given, when it is the value that is wrong.</param>
public sealed record ArgumentError(ArgumentErrorKind Kind, OptionDefinition? Option, string Name, string? Value = null);

public enum ArgumentErrorKind
{
    NotAnOption,
    Missing,
    TooLong,
    NotWholeNumber,
    NotNumber,
    NotBoolean,
    NotAChoice,
    BelowMinimum,
    AboveMaximum,

    /// <summary>A file option with no file sent along (a name typed where the file should be attached).</summary>
    NoFile,
}

/// <summary>A command refused before it runs because of its arguments, shown with its usage.
/// <paramref name="Error"/> is null when a command with sub-commands was given none it knows.</summary>
public sealed record ArgumentProblem(CommandDefinition Command, SubCommandDefinition? Sub, ArgumentError? Error, CommandSyntax Syntax);
