using System.Globalization;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary><c>/quiz schedule set</c>'s options as typed values; <see cref="ScheduleArguments"/> checks them together.</summary>
public sealed record ScheduleSetArguments(string Time, string? Zone, string? Days, double? WindowHours, bool HideResults, string? Deck)
{
    /// <summary>Reads the options of a command validated against the sub-command's definition.</summary>
    public static ScheduleSetArguments From(ChatCommand command) => new(
        command.Arg("time") ?? "",
        command.Arg("zone"),
        command.Arg("days"),
        command.Arg("window") is { } window ? double.Parse(window, CultureInfo.InvariantCulture) : null,
        string.Equals(command.Arg("results"), "reveal", StringComparison.OrdinalIgnoreCase),
        command.Arg("deck"));
}
