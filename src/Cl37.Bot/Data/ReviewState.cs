namespace Cl37.Bot.Data;

/// <summary>A person's FSRS memory of one question: stability, difficulty and when it is next due.
/// A stability of 0 marks a row carried over from the Leitner boxes and not yet replayed.</summary>
public sealed class ReviewState
{
    public long PersonId { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>Days until the chance of recall falls to 90 %.</summary>
    public double Stability { get; set; }

    /// <summary>1 (easy) to 10 (hard).</summary>
    public double Difficulty { get; set; }

    public DateTime LastReviewUtc { get; set; }

    public DateTime DueUtc { get; set; }

    public int Right { get; set; }

    public int Wrong { get; set; }
}
