using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>What a person is told when a command is for admins.</summary>
public static class AccessMessages
{
    public static OutgoingMessage Refused(AccessRefusal refusal) => OutgoingMessage.PrivateText(refusal.Enabler is { } enabler
        ? $"Only admins can use `{refusal.Invocation}` in this group (an admin can allow everyone with `{enabler}`). {WhoIsAdmin(refusal.Rule)}"
        : $"Only admins can use `{refusal.Invocation}`. {WhoIsAdmin(refusal.Rule)}");

    /// <summary>The rule a refusal names: only what makes an admin where the person is, never a
    /// setting key (people listed in <c>Quiz:Admins</c> are never refused, so they need no mention).</summary>
    public static string WhoIsAdmin(AdminRule rule) => rule switch
    {
        AdminRule.OperatorListOnly => "This Teams chat is not part of a team, so it has no owners: here, admins are only the people named as admins by whoever runs the bot. Ask one of them, or use a channel of a team you own.",
        AdminRule.ManageServer => "On Discord, admins are people with the Manage Server permission.",
        AdminRule.TeamOwners => "On Teams, admins are the team's owners.",
        AdminRule.AdminSwitch => "In the playground, tick the admin box to act as an admin.",
        _ => "Ask an admin of this group.",
    };
}
