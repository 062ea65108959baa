using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>The words for what the port and the adapters tell a person on their own.</summary>
public sealed class ChatWording : IChatWording
{
    public const string Unexpected = "Something went wrong; nothing was changed. Please try again.";

    public string Say(ChatNotice notice) => notice switch
    {
        ChatNotice.AnswerRefused { Problem: AnswerProblem.Empty } => "Your answer was empty: pick an option or type an answer, then submit.",
        ChatNotice.AnswerRefused { Problem: AnswerProblem.TooMany } => $"Your answer has too many parts (at most {AnswerCodec.MaxValues}).",
        ChatNotice.AnswerRefused { Problem: AnswerProblem.TooLong } => $"Your answer is too long (at most {AnswerCodec.MaxValueLength} characters).",
        ChatNotice.Failed failed => Failed(failed.Request, failed.Failure),
        _ => Unexpected,
    };

    private static string Failed(Inbound request, InboundFailure failure) => (request, failure) switch
    {
        (AnswerAction, InboundFailure.Busy) => "Your answer was **not saved** because the bot is busy. Please try again in a moment.",
        (AnswerAction, InboundFailure.NotSaved or InboundFailure.NotRead) => "Your answer was **not saved**: the bot could not write to its database. Please try again in a moment.",
        (AnswerAction, _) => "Your answer was **not saved** because something went wrong. Please try again.",
        (_, InboundFailure.Busy) => "The bot is busy storing other work. Nothing was changed — please try again in a moment.",
        (_, InboundFailure.NotSaved) => "Not saved: the bot could not write to its database, so nothing was changed. Please try again in a moment.",
        (ChatCommand or TypedCommand, _) => "Something went wrong running that command; nothing was changed. Please try again.",
        _ => Unexpected,
    };
}
