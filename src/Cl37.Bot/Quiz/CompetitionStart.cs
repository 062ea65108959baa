namespace Cl37.Bot.Quiz;

/// <summary>What became of a request to start a competition.</summary>
/// <param name="Today">The group's local date when it was asked.</param>
public sealed record CompetitionStart(CompetitionStartOutcome Outcome, string Name, DateOnly End, DateOnly Today, TimeZoneInfo Zone);
