namespace Cl37.Bot.Quiz.Scoring;

/// <summary>Which of the optional bonuses a group has switched on.</summary>
public sealed record BonusSettings(bool Streak, bool Speed)
{
    public static BonusSettings None { get; } = new(false, false);
}
