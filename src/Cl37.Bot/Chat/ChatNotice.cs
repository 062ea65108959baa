namespace Cl37.Bot.Chat;

/// <summary>Something the port or an adapter tells a person on its own, as a fact without words;
/// <see cref="IChatWording"/> words it, so every sentence lives in <c>Messages/</c>.</summary>
public abstract record ChatNotice
{
    /// <summary>A request failed in a way nobody foresaw; nothing was changed.</summary>
    public sealed record Unexpected : ChatNotice;

    /// <summary>An answer outside <see cref="AnswerCodec"/>'s limits; it never reached the quiz.</summary>
    public sealed record AnswerRefused(AnswerProblem Problem) : ChatNotice;

    /// <summary>A request failed: what the person was doing, and how it failed.</summary>
    public sealed record Failed(Inbound Request, InboundFailure Failure) : ChatNotice;

    /// <summary>An answer still being stored when the platform wanted the card back.</summary>
    public sealed record StillSaving : ChatNotice;

    /// <summary>Deferred work is done and its result went to the channel.</summary>
    public sealed record Done : ChatNotice;

    /// <summary>The platform would not show the reply; nothing was lost.</summary>
    public sealed record ReplyNotShown : ChatNotice;

    /// <summary>The platform would not open the answer box: the answer goes in with <paramref name="Command"/>.</summary>
    public sealed record AnswerBoxRefused(string Command, string Example) : ChatNotice;

    /// <summary>An answer box submitted empty.</summary>
    public sealed record EmptyTypedAnswer : ChatNotice;

    /// <summary>A button or menu this bot no longer handles.</summary>
    public sealed record ControlInactive : ChatNotice;

    /// <summary>A card action on a card this bot did not make.</summary>
    public sealed record NotOurCard : ChatNotice;

    /// <summary>An answer button that does not say which question it belongs to.</summary>
    public sealed record AnswerWithoutQuestion : ChatNotice;

    /// <summary>A public note that <paramref name="Name"/>'s answer was recorded, where private feedback cannot reach them.</summary>
    public sealed record AnswerRecordedPublicly(string? Name) : ChatNotice;

    /// <summary>Files that can only be sent in a personal chat.</summary>
    public sealed record FilesOnlyInPersonalChat(IReadOnlyList<string> FileNames) : ChatNotice;

    /// <summary>A card shows personal feedback to its first answerers only; <paramref name="AlsoSentPrivately"/>
    /// when this person's feedback went to their personal chat too.</summary>
    public sealed record FeedbackOnCardLimited(int Answerers, bool AlsoSentPrivately) : ChatNotice;

    /// <summary>The greeting when the bot is added: in a personal chat, or in a team or group chat.</summary>
    public sealed record Welcome(string? BotName, bool Personal, bool InTeam) : ChatNotice;

    /// <summary>A file offered for upload is no longer kept.</summary>
    public sealed record FileExpired : ChatNotice;

    /// <summary>A file could not be uploaded: the platform gave no place for it (<paramref name="Reason"/> null) or refused it.</summary>
    public sealed record FileUploadFailed(string FileName, string? Reason) : ChatNotice;

    /// <summary>A question asked about from another team or chat than its own.</summary>
    public sealed record QuestionNotHere : ChatNotice;
}
