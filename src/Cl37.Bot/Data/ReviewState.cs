namespace Cl37.Bot.Data;

/// <summary>A person's Leitner box for one question.</summary>
public sealed class ReviewState
{
    public long PersonId { get; set; }

    public required string QuestionId { get; set; }

    public int Box { get; set; } = 1;

    public DateTime DueUtc { get; set; }

    public int Right { get; set; }

    public int Wrong { get; set; }
}
