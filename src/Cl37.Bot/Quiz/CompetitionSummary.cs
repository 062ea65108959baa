namespace Cl37.Bot.Quiz;

/// <summary>A group's competition by id and name, and whether it has ended.</summary>
public sealed record CompetitionSummary(long Id, string Name, bool Ended);
