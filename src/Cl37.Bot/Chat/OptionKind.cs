namespace Cl37.Bot.Chat;

/// <summary>The type of a command option.</summary>
public enum OptionKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A yes/no flag; in typed commands <c>--name</c> or <c>name:true</c>.</summary>
    Boolean,

    /// <summary>A person: the platform's user id (Discord user option) or a name typed as text.</summary>
    User,

    /// <summary>Free text that takes every remaining positional word (a list such as <c>784 128 64</c>).</summary>
    Rest,

    /// <summary>A file the person sends with the command (a Discord attachment option, a file sent
    /// with the message, the playground's file picker); the argument's value is the file's name and
    /// the file itself is in <see cref="ChatCommand.Files"/>.</summary>
    File,
}
