using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Quiz.Memory;
using Cl37.Bot.Quiz.Scoring;

namespace Cl37.Bot.Messages;

/// <summary>The private reply to an answer, worded from what became of it.</summary>
public static class AnswerReplies
{
    public static OutgoingMessage For(AnswerResult result) => OutgoingMessage.PrivateText(result switch
    {
        AnswerResult.PostNotFound => "I can't find that question any more. Use `/quiz practice` for a fresh one.",
        AnswerResult.RemovedFromDeck => "That question was removed from the deck, so answers to it can't be graded.",
        AnswerResult.SomeoneElsesPractice => "That practice question belongs to someone else. Use `/quiz practice` for your own.",
        AnswerResult.InvalidInput invalid => invalid.Problem,
        AnswerResult.Recorded recorded => Feedback(recorded),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "an answer result nobody words"),
    }) with { Refused = result is AnswerResult.InvalidInput };

    /// <summary>Why a typed answer given without a post went nowhere; nothing was stored.</summary>
    public static OutgoingMessage NoTypedQuestion(TypedAnswerTarget target) => OutgoingMessage.PrivateText(target switch
    {
        TypedAnswerTarget.ChoiceQuestion => "The open question here is a choice question: pick your answer on its card. Nothing was recorded.",
        _ => "No question that takes a typed answer is open in this channel, so nothing was recorded. Use `/quiz practice` for one of your own.",
    });

    private static readonly MemoryState NoMemory = new(0, 0, default, 0);

    /// <summary>A person's own copy of a post they answered: the question with its live tally and
    /// their feedback, worded as the feedback to their click was.</summary>
    public static OutgoingMessage Personal(AnsweredView view)
    {
        // Feedback words points only; the memory the answer left is not part of this view.
        var score = new ScoredAnswer(!view.Practice, view.BasePoints, view.Practice ? 0 : Math.Max(0, view.Points - view.BasePoints), 0, 0, 0, NoMemory);
        var stored = new StoredAnswer(0, view.Response, view.Points, view.IsCorrect, view.Practice, score);
        var text = Feedback(new AnswerResult.Recorded(view.Question, stored, view.Parts, view.PracticePost, HideResults: !view.ResultShown, view.GradePoints));
        if (view.Post is not { } post || Shared(post).Card is not QuestionCard card)
            return OutgoingMessage.PrivateText(text);
        return new OutgoingMessage(text, card with { Feedback = text }, Private: true);
    }

    /// <summary>The question post as everyone sees it (a practice question as its owner sees it).</summary>
    public static OutgoingMessage Shared(PostTally post) =>
        QuestionCards.Question(post.PostId, post.Question, post.Answers, post.ClosesUtc, post.Revealed, isPrivate: post.Practice);

    private static string Feedback(AnswerResult.Recorded r)
    {
        var stored = r.Stored;
        var sb = new StringBuilder();
        if (!stored.Inserted)
            sb.Append("You already answered this one — your first answer counts: **").Append(MarkdownText.Escape(stored.Response)).Append("**.");
        else if (r.PracticePost)
            sb.Append("Practice answer recorded: **").Append(MarkdownText.Escape(stored.Response)).Append("** (not scored).");
        else if (r.Late)
            sb.Append("The answers for this question have closed, so this counts as practice only: **").Append(MarkdownText.Escape(stored.Response)).Append("**.");
        else
            sb.Append("Answer recorded: **").Append(MarkdownText.Escape(stored.Response)).Append("**.");

        // Practice has no reveal to wait for, so its result shows even where the group hides results.
        if (stored.Practice || !r.HideResults)
        {
            AppendResult(sb, r);
            sb.Append(QuestionCards.KeyAndWhy(r.Question)).Append(QuestionCards.PickFeedback(r.Question, stored.Response));
        }
        else
        {
            sb.Append("\nResults are revealed when the question closes.");
        }
        return sb.ToString();
    }

    private static void AppendResult(StringBuilder sb, AnswerResult.Recorded r)
    {
        var stored = r.Stored;
        if (stored.Score is { Scored: true } score)
        {
            sb.Append("\n\n").Append(Grade(r.Question, stored.IsCorrect, score.BasePoints, r.Parts, scored: true));
            if (score.Bonus > 0)
                sb.Append(CultureInfo.InvariantCulture, $" With bonuses: {score.Points:0.##} points.");
        }
        else if (stored.Score is not null)
        {
            // Practice keeps the grade's partial credit in words, without points.
            sb.Append("\n\n").Append(Grade(r.Question, stored.IsCorrect, r.GradePoints, r.Parts, scored: false));
        }
        else
        {
            sb.Append("\n\n").Append(QuestionCards.Verdict(stored.IsCorrect, stored.Points, scored: !stored.Practice));
        }
    }

    /// <summary>"✅ Correct: 10 points.", "🟡 2 of 3 right options, 1 wrong pick: 3.33 points.", "❌ Not right (1 of 2 parts right): 0 points.";
    /// not scored, the same words end without points.</summary>
    private static string Grade(Question question, bool isCorrect, double basePoints, PartCredit? parts, bool scored)
    {
        var icon = QuestionCards.Icon(isCorrect, basePoints);
        var points = scored ? ": " + basePoints.ToString("0.##", CultureInfo.InvariantCulture) + " points." : ".";
        return (question.Kind, parts) switch
        {
            (QuestionKind.MultipleSelect, { } p) when isCorrect => $"{icon} All {p.Of} right options and no wrong pick{points}",
            (QuestionKind.MultipleSelect, { } p) => $"{icon} {p.Right} of {p.Of} right options, {p.Wrong} wrong pick{(p.Wrong == 1 ? "" : "s")}{points}",
            (_, { } p) when !isCorrect => $"{icon} Not right ({p.Right} of {p.Of} parts right){points}",
            _ => QuestionCards.Verdict(isCorrect, basePoints, scored),
        };
    }
}
