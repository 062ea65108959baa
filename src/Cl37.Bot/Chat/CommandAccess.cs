namespace Cl37.Bot.Chat;

/// <summary>Who may run a command, a sub-command or one value of an option. Declared on the
/// definition and checked once, by the dispatcher, before any handler runs.</summary>
public sealed record CommandAccess
{
    private CommandAccess(bool adminOnly, GroupPermission? unless)
    {
        RequiresAdmin = adminOnly;
        Unless = unless;
    }

    /// <summary>Anyone in the conversation.</summary>
    public static CommandAccess Everyone { get; } = new(false, null);

    /// <summary>Admins only, whatever the group's settings.</summary>
    public static CommandAccess Admin { get; } = new(true, null);

    /// <summary>Admins, and everyone else too while the group has switched <paramref name="permission"/> on.</summary>
    public static CommandAccess AdminUnless(GroupPermission permission) => new(true, permission);

    /// <summary>True unless this is <see cref="Everyone"/>.</summary>
    public bool RequiresAdmin { get; }

    /// <summary>The group setting that opens this to everyone, if any.</summary>
    public GroupPermission? Unless { get; }

    /// <summary>For admins whatever the group's settings (help marks these "(admins)"); what anyone
    /// may do in their own private chat reaches no group, so it does not make a command less so.</summary>
    public bool AdminOnly => RequiresAdmin && Unless is null or GroupPermission.OwnPrivateChat;
}

/// <summary>A group setting that lets everyone do what is otherwise for admins.</summary>
public enum GroupPermission
{
    /// <summary><c>everyone_can_post</c>: anyone may post a question now.</summary>
    EveryoneCanPost,

    /// <summary>In the person's own 1:1 chat with the bot that belongs to no group
    /// (<see cref="ChatCommand.PrivateChat"/>): what they do there stays theirs until an admin of a
    /// group uses it there (a deck sent in a Teams 1:1 chat waits for a confirmation in a team).</summary>
    OwnPrivateChat,
}
