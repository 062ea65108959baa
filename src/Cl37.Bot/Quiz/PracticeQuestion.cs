using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>A practice question stored as a private post.</summary>
/// <param name="RecallNow">The person's chance of recalling it now by FSRS, or null when it is new to them.</param>
/// <param name="Due">Questions of the deck due for this person's review now (this one included).</param>
/// <param name="Unseen">Questions of the deck this person never answered.</param>
/// <param name="ExamDate">The group's exam date when practice aims at it.</param>
public sealed record PracticeQuestion(long PostId, Question Question, double? RecallNow, int Due, int Unseen, DateOnly? ExamDate);
