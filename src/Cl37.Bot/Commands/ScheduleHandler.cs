using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Commands;

/// <summary>/quiz schedule set | show | off: the channel's daily question.</summary>
public sealed class ScheduleHandler(ChannelDirectory channels, ScheduleService schedules, IOptions<QuizOptions> options)
{
    public static SubCommandUnit Set { get; } = SubCommandUnit.Bind<ScheduleHandler, ScheduleSetArguments>(
        new("schedule set", "Post questions every day at local times",
        [
            new("time", "Local times of day, 24-hour (09:00, or 09:00,13:00,18:00)", OptionKind.Text, Required: true, MaxLength: 40),
            new("zone", "IANA time zone (Europe/Berlin); default from settings", OptionKind.Text, MaxLength: 64),
            new("days", "Weekdays: mon-fri, daily, or a list like mon,wed,fri", OptionKind.Text, MaxLength: 40),
            new("window", "Hours the answers stay open (default: until 1 hour before the next post)", OptionKind.Number, MinValue: 0.25, MaxValue: 167),
            new("results", "Show right/wrong at once or only at the reveal", OptionKind.Text, Choices: ["immediate", "reveal"]),
            new("deck", "Deck to draw from (default: all decks)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz schedule set time:09:00 zone:Europe/Berlin days:mon-fri"),
        ScheduleSetArguments.From,
        (handler, args, context, ct) => handler.SetAsync(context, args, ct));

    public static SubCommandUnit Show { get; } = SubCommandUnit.Bind<ScheduleHandler>(
        new("schedule show", "Show this channel's schedule", [], Example: "/quiz schedule show"),
        (handler, context, ct) => handler.ShowAsync(context, ct));

    public static SubCommandUnit Off { get; } = SubCommandUnit.Bind<ScheduleHandler>(
        new("schedule off", "Stop the daily question in this channel", [], Access: CommandAccess.Admin, Example: "/quiz schedule off"),
        (handler, context, ct) => handler.OffAsync(context, ct));

    public async Task<OutgoingMessage> SetAsync(CommandContext context, ScheduleSetArguments arguments, CancellationToken cancellationToken)
    {
        var request = ScheduleArguments.Parse(arguments, options.Value.DefaultTimeZone, out var invalid);
        if (request is null)
            return ScheduleMessages.Invalid(invalid!);
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return ScheduleMessages.Set(await schedules.SetAsync(channel, request, cancellationToken));
    }

    public async Task<OutgoingMessage> ShowAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return ScheduleMessages.Show(await schedules.ShowAsync(channel, cancellationToken), CommandUsage.Example(QuizCommand.Definition, Set.Definition));
    }

    public async Task<OutgoingMessage> OffAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return ScheduleMessages.Off(await schedules.OffAsync(channel, cancellationToken));
    }
}
