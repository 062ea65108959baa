using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Grading;

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
    });

    /// <summary>A person's own view of a post they answered, as their copy of the card shows it again.</summary>
    public static OutgoingMessage Personal(AnsweredView view)
    {
        var sb = new StringBuilder().Append("**").Append(QuestionCards.Title(view.Question)).Append("**\n\n");
        sb.Append("Your answer: **").Append(view.Response).Append("**").Append(view.Practice ? " (practice, not scored)." : ".");
        if (view.ResultShown)
        {
            sb.Append("\n\n").Append(QuestionCards.Verdict(view.IsCorrect, view.Points, scored: !view.Practice))
                .Append(QuestionCards.KeyAndWhy(view.Question));
        }
        else
        {
            sb.Append("\nResults are revealed when the question closes.");
        }
        return OutgoingMessage.PrivateText(sb.ToString());
    }

    /// <summary>The question post as everyone sees it.</summary>
    public static OutgoingMessage Shared(PostTally post) =>
        QuestionCards.Question(post.PostId, post.Question, post.Answers, post.ClosesUtc, post.Revealed);

    private static string Feedback(AnswerResult.Recorded r)
    {
        var stored = r.Stored;
        var sb = new StringBuilder();
        if (!stored.Inserted)
            sb.Append("You already answered this one — your first answer counts: **").Append(stored.Response).Append("**.");
        else if (r.PracticePost)
            sb.Append("Practice answer recorded: **").Append(stored.Response).Append("** (not scored).");
        else if (r.Late)
            sb.Append("The answers for this question have closed, so this counts as practice only: **").Append(stored.Response).Append("**.");
        else
            sb.Append("Answer recorded: **").Append(stored.Response).Append("**.");

        // Practice has no reveal to wait for, so its result shows even where the group hides results.
        if (stored.Practice || !r.HideResults)
        {
            AppendResult(sb, r);
            sb.Append(QuestionCards.PickFeedback(r.Question, stored.Response));
            sb.Append(QuestionCards.KeyAndWhy(r.Question));
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
            sb.Append("\n\n").Append(Grade(r.Question, stored.IsCorrect, score.BasePoints, r.Parts));
            if (score.Bonus > 0)
                sb.Append(CultureInfo.InvariantCulture, $" With bonuses: {score.Points:0.##} points.");
        }
        else
        {
            sb.Append("\n\n").Append(QuestionCards.Verdict(stored.IsCorrect, stored.Points, scored: !stored.Practice));
        }
    }

    /// <summary>"✅ Correct: 10 points.", "🟡 2 of 3 right options, 1 wrong pick: 3.33 points.", "❌ Not right (1 of 2 parts right): 0 points.".</summary>
    private static string Grade(Question question, bool isCorrect, double basePoints, PartCredit? parts)
    {
        var icon = QuestionCards.Icon(isCorrect, basePoints);
        var points = basePoints.ToString("0.##", CultureInfo.InvariantCulture);
        return (question.Kind, parts) switch
        {
            (QuestionKind.MultipleSelect, { } p) when isCorrect => $"{icon} All {p.Of} right options and no wrong pick: {points} points.",
            (QuestionKind.MultipleSelect, { } p) => $"{icon} {p.Right} of {p.Of} right options, {p.Wrong} wrong pick{(p.Wrong == 1 ? "" : "s")}: {points} points.",
            (_, { } p) when !isCorrect => $"{icon} Not right ({p.Right} of {p.Of} parts right): {points} points.",
            _ => QuestionCards.Verdict(isCorrect, basePoints, scored: true),
        };
    }
}
