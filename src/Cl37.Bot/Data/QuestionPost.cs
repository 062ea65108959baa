namespace Cl37.Bot.Data;

/// <summary>A question posted in a channel (or privately, for practice).</summary>
public sealed class QuestionPost
{
    public long Id { get; set; }

    public long ChannelId { get; set; }

    public long GroupId { get; set; }

    public required string QuestionId { get; set; }

    public DateTime PostedUtc { get; set; }

    public DateTime? ClosesUtc { get; set; }

    public DateTime? RevealedUtc { get; set; }

    /// <summary>The local date of a scheduled post: at most one per channel, date and slot.</summary>
    public DateOnly? ScheduledDate { get; set; }

    /// <summary>Which of the day's scheduled times the post is for, from 0 (every post of a
    /// one-a-day schedule is slot 0).</summary>
    public int ScheduledSlot { get; set; }

    /// <summary>The platform's message id, once the post went out.</summary>
    public string? MessageId { get; set; }

    /// <summary>The person a practice question belongs to; null for channel posts.</summary>
    public long? PracticePersonId { get; set; }

    /// <summary>True while the results wait for the reveal; the reveal clears it as it counts the
    /// withheld answers, so it says whether the post's answers are still hidden.</summary>
    public bool HideResults { get; set; }

    public string? RevealMessageId { get; set; }
}
