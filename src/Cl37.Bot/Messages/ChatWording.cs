using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>The words for what the port and the adapters tell a person on their own.</summary>
public sealed class ChatWording : IChatWording
{
    private const string Unexpected = "Something went wrong; nothing was changed. Please try again.";

    public string Say(ChatNotice notice) => notice switch
    {
        ChatNotice.AnswerRefused { Problem: AnswerProblem.Empty } => "Your answer was empty: pick an option or type an answer, then submit.",
        ChatNotice.AnswerRefused { Problem: AnswerProblem.TooMany } => $"Your answer has too many parts (at most {AnswerCodec.MaxValues}).",
        ChatNotice.AnswerRefused { Problem: AnswerProblem.TooLong } => $"Your answer is too long (at most {AnswerCodec.MaxValueLength} characters).",
        ChatNotice.Failed failed => Failed(failed.Request, failed.Failure),
        ChatNotice.StillSaving => "Your answer is still being saved. Refresh the card in a moment to see your feedback.",
        ChatNotice.Done => "Done.",
        ChatNotice.ReplyNotShown => "Discord would not show my reply here, sorry. Nothing was lost; please try again in a moment.",
        ChatNotice.AnswerBoxRefused n =>
            $"Discord would not open the answer box here, so nothing was recorded. Type your answer with `{n.Command}` instead (for example `{n.Example}`); it answers the open question in this channel.",
        ChatNotice.EmptyTypedAnswer => "Type an answer before submitting.",
        ChatNotice.ControlInactive => "This control is no longer active.",
        ChatNotice.NotOurCard => "This card was not made by this bot.",
        ChatNotice.QuestionNotHere => "This question is not from this team or chat.",
        ChatNotice.AnswerWithoutQuestion => "This answer button does not say which question it belongs to.",
        ChatNotice.AnswerRecordedPublicly n =>
            $"{(string.IsNullOrWhiteSpace(n.Name) ? "Your" : n.Name + ", your")} answer was recorded. Feedback is private: add the app in a personal chat to see it.",
        ChatNotice.FilesOnlyInPersonalChat n =>
            $"Files can only be sent in a 1:1 chat: message me there with the same command to get {string.Join(", ", n.FileNames)}.",
        ChatNotice.FeedbackOnCardLimited { AlsoSentPrivately: true } n =>
            $"This card shows personal feedback to its first {n.Answerers} answerers only, so yours is also in your chat with the bot.",
        ChatNotice.FeedbackOnCardLimited n =>
            $"This card shows personal feedback to its first {n.Answerers} answerers only: add the app in a personal chat to keep yours.",
        ChatNotice.FileExpired => "That file is no longer waiting for you (files are kept for an hour): run the command again for a fresh one.",
        ChatNotice.FileUploadFailed { Reason: null } n => $"Teams did not say where to put {n.FileName}; please run the command again.",
        ChatNotice.FileUploadFailed n => $"{n.FileName} could not be uploaded to your OneDrive ({n.Reason}); please run the command again.",
        ChatNotice.Welcome n => Welcome(string.IsNullOrWhiteSpace(n.BotName) ? "the bot" : n.BotName, n.Personal, n.InTeam),
        _ => Unexpected,
    };

    private static string Welcome(string name, bool personal, bool inTeam) => personal
        ? $"Hi, I'm {name}: exam-prep questions, leaderboards and the course's calculators.\n\nType `quiz practice` for a question of your own, `stats` for how you are doing, or `help` for everything."
        : $"Hi, I'm {name}: a daily exam-prep question for this {(inTeam ? "team" : "chat")}, answered with the buttons on its card (your feedback is shown to you only).\n\nTo start, {(inTeam ? "a team owner" : "an admin")} mentions me with `quiz now` to post a question or `quiz schedule set 09:00` to post one every day. Mention me with `help` for everything.";

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
