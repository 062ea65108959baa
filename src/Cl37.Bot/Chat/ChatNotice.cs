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
}
