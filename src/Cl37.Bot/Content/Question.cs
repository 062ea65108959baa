namespace Cl37.Bot.Content;

/// <summary>One question of a deck, with everything the quiz needs to ask, grade and explain it.</summary>
/// <param name="Id">Stable id (<see cref="QuestionIds"/>): the id the deck gives it (<c>cl37-model-deployment/onnx</c>)
/// or a fingerprint of its prompt (<c>cl37-model-deployment/mcq-3f2a9c1b</c>).</param>
/// <param name="Number">The number its heading gives it (<c>### MCQ 3</c>), or its place among its kind in an imported file.</param>
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
    int Line)
{
    /// <summary>The name an imported file gives the question (GIFT <c>::title::</c>, Moodle XML
    /// <c>&lt;name&gt;</c>); null for Markdown decks, whose headings number the questions.</summary>
    public string? Title { get; init; }

    /// <summary>The id as the deck gives it (<c>{#onnx}</c>, <c>::title::</c>, <c>&lt;idnumber&gt;</c>);
    /// null where the id is a fingerprint of the prompt.</summary>
    public string? GivenId { get; init; }

    /// <summary>Credit per answer as the source file weights it; null where the file gives no
    /// weights and the deck's own grading rules apply.</summary>
    public IReadOnlyList<WeightedAnswer>? Weights { get; init; }

    /// <summary>Short answers must match case (Moodle XML <c>&lt;usecase&gt;1&lt;/usecase&gt;</c>).</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>Per right option key, what the person sees when they pick it.</summary>
    public IReadOnlyDictionary<string, string> WhyRight { get; init; } = new Dictionary<string, string>();

    /// <summary>Units a numerical answer may be given in, with how many of each make one base unit
    /// (Moodle XML <c>&lt;units&gt;</c>); the first is the answer's own unit.</summary>
    public IReadOnlyList<AnswerUnit> Units { get; init; } = [];

    /// <summary>The names of the pictures the question text had (imported files).</summary>
    public IReadOnlyList<string> Pictures { get; init; } = [];
}
