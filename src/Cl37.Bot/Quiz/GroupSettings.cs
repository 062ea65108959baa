namespace Cl37.Bot.Quiz;

/// <summary>A group's settings as stored.</summary>
public sealed record GroupSettings(bool StreakBonus, bool SpeedBonus, bool EveryoneCanPost, bool HideResults);
