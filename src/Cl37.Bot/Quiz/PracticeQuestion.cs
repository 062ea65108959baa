using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>A practice question stored as a private post.</summary>
/// <param name="ReviewBox">The question's Leitner box for this person, or null when it is new to them.</param>
public sealed record PracticeQuestion(long PostId, Question Question, int? ReviewBox);
