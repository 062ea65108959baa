namespace Cl37.Bot.Quiz;

/// <summary>The <c>Quiz</c> settings section.</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>Folder of deck files, relative to the working directory or the app folder.</summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>IANA time zone used when a schedule names none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Rows per leaderboard page.</summary>
    public int LeaderboardPageSize { get; set; } = 10;

    /// <summary>Seconds between public tally edits of one post while answers arrive.</summary>
    public double TallyUpdateSeconds { get; set; } = 3;
}
