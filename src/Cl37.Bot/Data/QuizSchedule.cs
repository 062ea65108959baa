namespace Cl37.Bot.Data;

/// <summary>A channel's daily questions: local times, zone, weekdays, answer window.</summary>
public sealed class QuizSchedule
{
    public long Id { get; set; }

    public long ChannelId { get; set; }

    /// <summary>Minutes after local midnight of the day's first post.</summary>
    public int TimeOfDayMinutes { get; set; }

    /// <summary>Minutes after local midnight of the day's further posts, comma-separated and
    /// ascending; null for one post a day (every schedule stored before several were possible).</summary>
    public string? LaterTimesOfDay { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>Bit 0 = Sunday … bit 6 = Saturday (DayOfWeek order).</summary>
    public int DaysMask { get; set; }

    /// <summary>Minutes answers stay open; null closes 1 hour before the next post.</summary>
    public int? WindowMinutes { get; set; }

    public bool HideResults { get; set; }

    public string? DeckId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Set when the schedule was switched off because the app was removed from the channel
    /// (not by an admin), so adding the app back switches it on again.</summary>
    public DateTime? PausedByRemovalUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
