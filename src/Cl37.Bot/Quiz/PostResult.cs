namespace Cl37.Bot.Quiz;

public sealed record PostResult(PostOutcome Outcome, long? PostId, string Message);
