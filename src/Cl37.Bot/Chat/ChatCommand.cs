namespace Cl37.Bot.Chat;

/// <summary>An inbound command, already split into its name, sub-command and named arguments.
/// Argument values are invariant-culture strings whatever the platform sent (numbers, booleans).</summary>
public sealed record ChatCommand(
    ChannelRef Channel,
    ChatUser User,
    string Name,
    string? SubCommand,
    IReadOnlyDictionary<string, string> Arguments) : Inbound(Channel, User)
{
    /// <summary>An argument's value, or null when it was not given.</summary>
    public string? Arg(string name) => Arguments.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the person is an admin here, as the dispatcher found before running the
    /// bound method, which reads it only to word a reply, never to refuse.</summary>
    public bool ByAdmin { get; init; }

    /// <summary>How the person's platform has them give options; help and argument errors follow it.</summary>
    public CommandSyntax Syntax { get; init; }

    /// <summary>True in the person's own 1:1 chat with the bot where that chat belongs to no group
    /// (Teams' personal scope): what is sent there is theirs until they use it in a group.</summary>
    public bool PrivateChat { get; init; }

    /// <summary>The files sent with the command, by the name of their <see cref="OptionKind.File"/> option.</summary>
    public IReadOnlyDictionary<string, IncomingFile> Files { get; init; } = new Dictionary<string, IncomingFile>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file given for an option, or null when none was sent.</summary>
    public IncomingFile? File(string name) => Files.TryGetValue(name, out var file) ? file : null;
}
