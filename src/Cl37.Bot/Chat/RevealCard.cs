namespace Cl37.Bot.Chat;

/// <summary>The end of a question's window: the key, why, how the group answered.
/// <paramref name="Outcome"/> is the group's result in words ("2 of 3 correct", "Nobody answered").</summary>
public sealed record RevealCard(
    long PostId,
    string Title,
    string Prompt,
    string CorrectAnswer,
    string Explanation,
    IReadOnlyList<RevealOption> Options,
    int AnsweredCount,
    int CorrectCount,
    IReadOnlyList<string> FastestCorrect,
    IReadOnlyList<string> Movement,
    IReadOnlyList<string> SolutionSteps,
    string Outcome = "") : ChatCard;
