namespace Cl37.Bot.Quiz;

/// <summary>A channel's daily question that is still open, and when its answers close.</summary>
/// <param name="Closes">When the answers close, in <paramref name="TimeZone"/>: the schedule's zone, or the group's.</param>
public sealed record OpenDailyQuestion(DateTime Closes, string TimeZone);
