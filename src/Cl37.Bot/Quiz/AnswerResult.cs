using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Grading;

namespace Cl37.Bot.Quiz;

/// <summary>What became of an answer: refused before grading, refused as invalid, or recorded.
/// A closed set, so whoever words it handles every case.</summary>
public abstract record AnswerResult
{
    private AnswerResult()
    {
    }

    /// <summary>No such post in the asking group.</summary>
    public sealed record PostNotFound : AnswerResult;

    /// <summary>The post's question is no longer in any deck, so it can't be graded.</summary>
    public sealed record RemovedFromDeck : AnswerResult;

    /// <summary>A practice post of another person.</summary>
    public sealed record SomeoneElsesPractice : AnswerResult;

    /// <summary>The answer does not fit the question; <paramref name="Problem"/> says how, for the answerer.</summary>
    public sealed record InvalidInput(string Problem) : AnswerResult;

    /// <summary>The answer is stored, or an earlier one from the same person stands.</summary>
    /// <param name="Parts">The parts this answer got right, for questions that have several.</param>
    /// <param name="PracticePost">Answered on a practice post.</param>
    /// <param name="HideResults">The group keeps right or wrong hidden until the reveal.</param>
    /// <param name="GradePoints">What the answer was worth as graded, scored or not (practice keeps its partial credit).</param>
    public sealed record Recorded(Question Question, StoredAnswer Stored, PartCredit? Parts, bool PracticePost, bool HideResults, double GradePoints) : AnswerResult
    {
        /// <summary>A group post that had closed by the time the answer was stored: kept as practice.</summary>
        public bool Late => Stored.Practice && !PracticePost;
    }
}
