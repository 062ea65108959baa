namespace Cl37.Bot.Chat;

/// <summary>What a person did in a chat, as every platform reports it: a command (a slash command
/// or typed text), an answer, or opening a post again. The one shape the inbound pipeline takes.</summary>
public abstract record Inbound(ChannelRef Channel, ChatUser User);

/// <summary>A command as the person typed it (Teams, the playground); the handler parses it.</summary>
public sealed record TypedCommand(ChannelRef Channel, ChatUser User, string Text) : Inbound(Channel, User)
{
    /// <summary>Files sent with the text, in order; the command's <see cref="OptionKind.File"/> options take them.</summary>
    public IReadOnlyList<IncomingFile> Files { get; init; } = [];

    /// <summary>See <see cref="ChatCommand.PrivateChat"/>.</summary>
    public bool PrivateChat { get; init; }
}

/// <summary>A person looking at a question post again, as a Teams card refresh does. Personal: their
/// own answer and feedback (none when they have not answered); shared: the question as everyone sees it.</summary>
public sealed record PostView(ChannelRef Channel, ChatUser User, long PostId, bool Personal) : Inbound(Channel, User);
