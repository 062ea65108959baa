using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz exam set | show | off: the group's exam date and its readiness for it.</summary>
public sealed class ExamHandler(ChannelDirectory channels, ExamService exams)
{
    public static SubCommandUnit Set { get; } = SubCommandUnit.Bind<ExamHandler, (string Date, string? Deck)>(
        new("exam set", "Set the group's exam date: cover the deck before it, then drill what would be forgotten",
        [
            new("date", "The exam's date, yyyy-MM-dd", OptionKind.Text, Required: true, MaxLength: 10),
            new("deck", "Deck the exam covers (default: the channel's)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz exam set date:2027-01-20"),
        c => (c.Arg("date")!, c.Arg("deck")),
        (handler, args, context, ct) => handler.SetAsync(context, args.Date, args.Deck, ct));

    public static SubCommandUnit Show { get; } = SubCommandUnit.Bind<ExamHandler>(
        new("exam show", "The group's readiness for its exam: coverage, predicted average, weakest topics", [], Example: "/quiz exam show"),
        (handler, context, ct) => handler.ShowAsync(context, ct));

    public static SubCommandUnit Off { get; } = SubCommandUnit.Bind<ExamHandler>(
        new("exam off", "Switch the exam date off", [], Access: CommandAccess.Admin, Example: "/quiz exam off"),
        (handler, context, ct) => handler.OffAsync(context, ct));

    public async Task<OutgoingMessage> SetAsync(CommandContext context, string date, string? deck, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var examDate))
            return ExamMessages.BadDate(date);
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return ExamMessages.Set(await exams.SetAsync(channel, examDate, deck, cancellationToken));
    }

    public async Task<OutgoingMessage> ShowAsync(CommandContext context, CancellationToken cancellationToken) =>
        ExamMessages.Show(await exams.ShowAsync(await channels.EnsureAsync(context.Channel, cancellationToken), cancellationToken));

    public async Task<OutgoingMessage> OffAsync(CommandContext context, CancellationToken cancellationToken) =>
        ExamMessages.Off(await exams.OffAsync(await channels.EnsureAsync(context.Channel, cancellationToken), cancellationToken));
}
