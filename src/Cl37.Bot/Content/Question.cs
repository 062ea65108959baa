namespace Cl37.Bot.Content;

/// <summary>One question of a deck, with everything the quiz needs to ask, grade and explain it.</summary>
/// <param name="Id">Stable id: deck id, section and number (<c>cl37-model-deployment/mcq/3</c>).</param>
/// <param name="CorrectKeys">Option keys that are right (choice questions).</param>
/// <param name="WhyWrong">Per option key, why it is wrong.</param>
/// <param name="AnswerText">The answer as the deck writes it (all kinds).</param>
/// <param name="NumericParts">Numerical questions: the expected numbers.</param>
/// <param name="AcceptedAnswers">Fill-in questions: every accepted alternative.</param>
/// <param name="Topic">A short topic name used by /stats and /revise.</param>
public sealed record Question(
    string Id,
    string DeckId,
    string Section,
    int Number,
    QuestionKind Kind,
    string Prompt,
    IReadOnlyList<QuestionOption> Options,
    IReadOnlyList<string> CorrectKeys,
    string Explanation,
    IReadOnlyDictionary<string, string> WhyWrong,
    string? Given,
    IReadOnlyList<string> SolutionSteps,
    string AnswerText,
    IReadOnlyList<NumericPart> NumericParts,
    IReadOnlyList<string> AcceptedAnswers,
    string Topic,
    string SourceFile,
    int Line);
