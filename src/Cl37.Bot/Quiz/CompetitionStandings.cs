namespace Cl37.Bot.Quiz;

/// <summary>A competition's leaderboard, running or final.</summary>
/// <param name="ChannelId">The channel it was started in, where its end is announced.</param>
/// <param name="LastDay">Its last day, in <paramref name="Zone"/>.</param>
public sealed record CompetitionStandings(long ChannelId, string Name, bool Ended, DateOnly LastDay, TimeZoneInfo Zone, LeaderboardPage Page);
