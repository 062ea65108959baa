namespace Cl37.Bot.Data;

/// <summary>A study group: a Discord server, a Teams team or a playground room.</summary>
public sealed class QuizGroup
{
    public long Id { get; set; }

    public required string Platform { get; set; }

    public required string ExternalId { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public bool StreakBonus { get; set; }

    public bool SpeedBonus { get; set; }

    public bool EveryoneCanPost { get; set; }

    public bool HideResults { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The local date of the exam the group prepares for; null when none is set.</summary>
    public DateOnly? ExamDate { get; set; }

    /// <summary>The deck the exam covers; null for every loaded question.</summary>
    public string? ExamDeckId { get; set; }
}
