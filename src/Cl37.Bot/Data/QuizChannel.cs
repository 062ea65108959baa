namespace Cl37.Bot.Data;

/// <summary>A channel of a group where questions are posted.</summary>
public sealed class QuizChannel
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>The deck this channel draws from; null for every deck.</summary>
    public string? DeckId { get; set; }

    /// <summary>Opaque data a platform keeps to reach the channel later (a Teams conversation reference).</summary>
    public string? PlatformData { get; set; }

    public DateTime CreatedUtc { get; set; }
}
