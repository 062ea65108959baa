namespace Cl37.Bot.Data;

/// <summary>One person's answer to one post; unique per (post, person).</summary>
public sealed class Answer
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long PersonId { get; set; }

    public long GroupId { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>The version of the question (its key, options, tolerances, weights) the answer was
    /// graded against; null for answers graded before versions were recorded.</summary>
    public string? QuestionVersion { get; set; }

    /// <summary>The recorded answer, normalised (option keys joined by commas, or the typed text).</summary>
    public required string Response { get; set; }

    public double Points { get; set; }

    public bool IsCorrect { get; set; }

    /// <summary>Late or practice answers score nothing.</summary>
    public bool Practice { get; set; }

    public DateTime AnsweredUtc { get; set; }

    public int LatencyMs { get; set; }
}
