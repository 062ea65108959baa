namespace Cl37.Bot.Messages;

/// <summary>The commands competition messages point to, written from their registrations.</summary>
/// <param name="Start">The example of starting one: <c>/competition start name:December end:2026-12-20</c>.</param>
/// <param name="Standings">The command that shows the standings: <c>/leaderboard period:competition</c>.</param>
public sealed record CompetitionCommands(string Start, string Standings);
