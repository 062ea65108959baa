using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;

namespace Cl37.Bot.Commands;

/// <summary>/quiz now and /quiz reveal: a question posted in the channel on demand, and its reveal.</summary>
public sealed class PostHandler(ChannelDirectory channels, QuestionPoster poster, RevealPoster reveals, ScheduleService schedules)
{
    public static SubCommandUnit Now { get; } = SubCommandUnit.Bind<PostHandler, (string? Deck, bool Force)>(
        new("now", "Post the next question in this channel now",
        [
            new("deck", "Deck to draw from (default: the channel's)", OptionKind.Text, MaxLength: 64),
            new("force", "Close the open daily question early (admins)", OptionKind.Boolean, AdminOnlyValue: "true"),
        ], Access: CommandAccess.AdminUnless(GroupPermission.EveryoneCanPost), Example: "/quiz now"),
        c => (c.Arg("deck"), ArgumentValidator.Bool(c, "force") == true),
        (handler, args, context, ct) => handler.NowAsync(context, args.Deck, args.Force, ct));

    public static SubCommandUnit Reveal { get; } = SubCommandUnit.Bind<PostHandler>(
        new("reveal", "Close the open question in this channel now and post the reveal", [], Access: CommandAccess.Admin, Example: "/quiz reveal"),
        (handler, context, ct) => handler.RevealAsync(context, ct));

    private static string ForceNow => CommandUsage.Invocation(QuizCommand.Definition, Now.Definition.Name, ("force", "true"));

    public async Task<OutgoingMessage> NowAsync(CommandContext context, string? deck, bool force, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        // A new post reveals the open one, so an open daily question would close early: only an admin's explicit force does that.
        if (await schedules.OpenDailyAsync(channel, cancellationToken) is { } open && !(context.ByAdmin && force))
            return PostMessages.DailyStillOpen(open, context.ByAdmin, ForceNow);
        return PostMessages.Reply(await poster.PostNextAsync(channel, null, 0, null, deck, false, cancellationToken));
    }

    public async Task<OutgoingMessage> RevealAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return PostMessages.Revealed(await reveals.RevealOpenInChannelAsync(channel.ChannelId, cancellationToken));
    }
}
