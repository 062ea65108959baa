namespace Cl37.Bot.Data;

/// <summary>A named leaderboard competition of a group.</summary>
public sealed class Competition
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public long ChannelId { get; set; }

    public required string Name { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Set when it ended and its final standings were frozen.</summary>
    public DateTime? EndedUtc { get; set; }

    /// <summary>The frozen standings as CSV (rank,name,points,accuracy,answered).</summary>
    public string? FinalStandings { get; set; }
}
