namespace Cl37.Bot.Chat;

/// <summary>A posted question with its answer controls.</summary>
/// <param name="PostId">The id answers refer to.</param>
/// <param name="Input">Which control to show.</param>
/// <param name="Options">The choices (empty for free text).</param>
/// <param name="AnsweredCount">The public tally.</param>
/// <param name="ClosesUtc">When the answer window closes, if it does.</param>
/// <param name="Closed">True once the window has closed; controls are then disabled.</param>
/// <param name="ShowTally">False for a private practice question: nobody else answers it.</param>
/// <param name="Feedback">On one person's own copy of the question: what became of their answer,
/// shown on the card under the question.</param>
/// <param name="CanRetry">The answer in <paramref name="Feedback"/> was not taken (refused as given,
/// or not saved), so that person's copy keeps its controls to send it again.</param>
public sealed record QuestionCard(
    long PostId,
    string QuestionId,
    string Title,
    string Prompt,
    AnswerInput Input,
    IReadOnlyList<CardOption> Options,
    int AnsweredCount,
    DateTime? ClosesUtc,
    bool Closed = false,
    string? InputHint = null,
    bool ShowTally = true,
    string? Feedback = null,
    bool CanRetry = false) : ChatCard;
