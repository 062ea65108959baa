namespace Cl37.Bot.Quiz;

/// <summary>The settings a person changed; null leaves a setting as it is.</summary>
public sealed record GroupSettingsChange(bool? StreakBonus, bool? SpeedBonus, bool? EveryoneCanPost, bool? HideResults);
