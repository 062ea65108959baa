namespace Cl37.Bot.Quiz;

/// <summary>A page of a leaderboard plus the requester's own line (even when not on the page).</summary>
public sealed record LeaderboardPage(string Period, int Page, int PageCount, int People, IReadOnlyList<LeaderboardRow> Rows, LeaderboardRow? Me);
