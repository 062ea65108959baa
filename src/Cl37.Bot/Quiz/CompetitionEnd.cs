namespace Cl37.Bot.Quiz;

/// <summary>What became of a request to end the running competition.</summary>
/// <param name="Standings">The final standings, when this request ended it.</param>
public sealed record CompetitionEnd(CompetitionEndOutcome Outcome, CompetitionStandings? Standings);
