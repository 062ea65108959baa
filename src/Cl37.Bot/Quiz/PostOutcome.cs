namespace Cl37.Bot.Quiz;

/// <summary>What happened when a question was to be posted.</summary>
public enum PostOutcome
{
    Posted,
    AlreadyPosted,
    NoQuestions,
    PlatformUnavailable,
    PlatformFailed,
}
