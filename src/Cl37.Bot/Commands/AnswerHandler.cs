using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz practice and /quiz answer: a private practice question, and an answer typed to the
/// channel's open number or fill-in question.</summary>
public sealed class AnswerHandler(ChannelDirectory channels, PracticeService practice, AnswerLookup lookup, AnswerService answers)
{
    public static SubCommandUnit Practice { get; } = SubCommandUnit.Bind<AnswerHandler>(
        new("practice", "A private question for you from your own memory model (not scored)", [], Example: "/quiz practice"),
        (handler, context, ct) => handler.PracticeAsync(context, ct));

    public static SubCommandUnit Answer { get; } = SubCommandUnit.Bind<AnswerHandler, string>(
        new("answer", "Type your answer to the open number or fill-in question here (no answer box needed)",
        [
            new("text", "Your answer: a number (42) or the missing word", OptionKind.Rest, Required: true, MaxLength: AnswerCodec.MaxValueLength),
        ], Example: "/quiz answer text:42", AnswersTypedQuestion: true),
        c => c.Arg("text")!.Trim(),
        (handler, text, context, ct) => handler.AnswerAsync(context, text, ct));

    public async Task<OutgoingMessage> PracticeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return PracticeMessages.Reply(await practice.NextAsync(channel, context.User, cancellationToken));
    }

    public async Task<OutgoingMessage> AnswerAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        var target = await lookup.TypedAnswerTargetAsync(channel, context.User.Id, cancellationToken);
        if (target is not TypedAnswerTarget.Post post)
            return AnswerReplies.NoTypedQuestion(target);
        return AnswerReplies.For(await answers.AnswerAsync(context.Channel, context.User, post.PostId, [text], cancellationToken));
    }
}
