namespace Cl37.Bot.Quiz;

/// <summary>How many posts a channel has left before its group's exam, this one included.</summary>
public readonly record struct ExamPace(int PostsLeft);
