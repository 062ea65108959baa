using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz settings: the group's bonuses, who may post, and hidden results.</summary>
public sealed class SettingsHandler(ChannelDirectory channels, GroupSettingsService settings)
{
    public static SubCommandUnit Settings { get; } = SubCommandUnit.Bind<SettingsHandler, GroupSettingsChange>(
        new("settings", "Group settings: bonuses, who may post, hidden results",
        [
            new("streak_bonus", "Award a streak bonus", OptionKind.Boolean),
            new("speed_bonus", "Award a speed bonus", OptionKind.Boolean),
            new("everyone_can_post", "Let everyone use /quiz now", OptionKind.Boolean),
            new("hide_results", "Hide right/wrong until the reveal", OptionKind.Boolean),
        ], Access: CommandAccess.Admin, Example: "/quiz settings streak_bonus:true"),
        c => new(
            ArgumentValidator.Bool(c, "streak_bonus"),
            ArgumentValidator.Bool(c, "speed_bonus"),
            ArgumentValidator.Bool(c, "everyone_can_post"),
            ArgumentValidator.Bool(c, "hide_results")),
        (handler, change, context, ct) => handler.ChangeAsync(context, change, ct));

    public async Task<OutgoingMessage> ChangeAsync(CommandContext context, GroupSettingsChange change, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return SettingsMessages.Reply(await settings.ChangeAsync(channel, change, cancellationToken));
    }
}
