namespace Cl37.Bot.Data;

/// <summary>Running totals of one person in one period ("A" all time, "W2026-48", "M2026-11",
/// "C12" competition), updated in the same transaction as each answer.</summary>
public sealed class ScoreTotal
{
    public long GroupId { get; set; }

    public required string Period { get; set; }

    public long PersonId { get; set; }

    public double Points { get; set; }

    public int Answered { get; set; }

    public int Correct { get; set; }
}
