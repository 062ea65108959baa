namespace Cl37.Bot.Quiz.Scoring;

/// <summary>The optional bonuses, off unless a group's admins switch them on.</summary>
public static class Bonuses
{
    /// <summary>+1 per correct answer in a row beyond the first, at most +5.</summary>
    public static double Streak(int streakBefore) => Math.Min(5, Math.Max(0, streakBefore));

    /// <summary>+3 within a minute of the post, +2 within ten, +1 within the hour.</summary>
    public static double Speed(int latencyMs) => latencyMs switch
    {
        <= 60_000 => 3,
        <= 600_000 => 2,
        <= 3_600_000 => 1,
        _ => 0,
    };
}
