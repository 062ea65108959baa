using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>The reply to <c>/quiz settings</c>: the group's settings after the change.</summary>
public static class SettingsMessages
{
    public static OutgoingMessage Reply(GroupSettings s) => OutgoingMessage.PrivateText(
        $"Settings: streak bonus {OnOff(s.StreakBonus)}, speed bonus {OnOff(s.SpeedBonus)}, everyone can post {OnOff(s.EveryoneCanPost)}, {(s.HideResults ? "results hidden until the reveal" : "results shown as soon as someone answers")}.");

    private static string OnOff(bool value) => value ? "on" : "off";
}
