namespace Cl37.Bot.Data;

/// <summary>Someone who answered in a group.</summary>
public sealed class Person
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public required string ExternalId { get; set; }

    public required string DisplayName { get; set; }

    public int CurrentStreak { get; set; }

    public int BestStreak { get; set; }
}
