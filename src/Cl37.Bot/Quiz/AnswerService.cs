using System.Diagnostics;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz.Grading;

namespace Cl37.Bot.Quiz;

/// <summary>Records answers exactly once, grades them and replies privately to the answerer.</summary>
public sealed class AnswerService(
    PostCache posts,
    DeckLibrary decks,
    AnswerWriter writer,
    TallyUpdater tally,
    CompetitionService competitions,
    QuizMetrics metrics,
    TimeProvider time)
{
    public async Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var post = await posts.GetAsync(action.PostId, cancellationToken);
        if (post is null || !post.IsIn(action.Channel))
            return OutgoingMessage.PrivateText("I can't find that question any more. Use `/quiz practice` for a fresh one.");
        var question = decks.FindQuestion(post.QuestionId);
        if (question is null)
            return OutgoingMessage.PrivateText("That question was removed from the deck, so answers to it can't be graded.");
        if (post.PracticePersonId is not null && post.PracticeOwnerExternalId != action.User.Id)
            return OutgoingMessage.PrivateText("That practice question belongs to someone else. Use `/quiz practice` for your own.");

        var grade = Grader.Grade(question, action.Values);
        if (grade.Error is { } problem)
            return OutgoingMessage.PrivateText(problem);

        // Whether the post is still open is the writer's call, made in the database as it stores the
        // answer: another replica may have revealed it since this one cached the post.
        var now = time.GetUtcNow().UtcDateTime;
        var practice = post.PracticePersonId is not null;
        var periods = practice ? [] : await PeriodsAsync(post, now, cancellationToken);
        var name = DisplayNames.Clean(action.User.DisplayName);
        var stored = await writer.WriteAsync(new PendingAnswer(post.GroupId, post.PostId, question.Id, action.User.Id, name,
            grade.Recorded, grade.Points, grade.IsCorrect, practice, now,
            (int)Math.Clamp((now - post.PostedUtc).TotalMilliseconds, 0, int.MaxValue), periods, post.StreakBonus, post.SpeedBonus), cancellationToken);

        if (stored.Inserted && !stored.Practice)
        {
            tally.MarkDirty(post.PostId);
            metrics.AnswerRecorded(Stopwatch.GetElapsedTime(started));
        }
        if (stored.Inserted && stored.Practice && !practice)
            posts.Invalidate(post.PostId);
        var late = stored.Practice && !practice;
        return Feedback(question, post, stored, late, grade.Description, grade.Points);
    }

    private async Task<List<string>> PeriodsAsync(PostInfo post, DateTime now, CancellationToken cancellationToken)
    {
        var local = PeriodKeys.LocalDate(now, TimeZones.FindOrUtc(post.TimeZone));
        var periods = new List<string> { PeriodKeys.AllTime, PeriodKeys.Week(local), PeriodKeys.Month(local) };
        if (await competitions.RunningIdAsync(post.GroupId, now, cancellationToken) is { } competitionId)
            periods.Add(PeriodKeys.Competition(competitionId));
        return periods;
    }

    private static OutgoingMessage Feedback(Question q, PostInfo post, StoredAnswer stored, bool late, string description, double basePoints)
    {
        var sb = new StringBuilder();
        if (!stored.Inserted)
            sb.Append("You already answered this one — your first answer counts: **").Append(stored.Response).Append("**.");
        else if (post.PracticePersonId is not null)
            sb.Append("Practice answer recorded: **").Append(stored.Response).Append("** (not scored).");
        else if (late)
            sb.Append("The answers for this question have closed, so this counts as practice only: **").Append(stored.Response).Append("**.");
        else
            sb.Append("Answer recorded: **").Append(stored.Response).Append("**.");

        var showResult = stored.Practice || late || !post.HideResults;
        if (showResult)
        {
            if (stored.Inserted && description.Length > 0 && !stored.Practice)
            {
                var icon = stored.IsCorrect ? "✅" : stored.Points > 0 ? "🟡" : "❌";
                sb.Append("\n\n").Append(icon).Append(' ').Append(description);
                if (stored.Points > basePoints)
                    sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" With bonuses: {stored.Points:0.##} points.");
            }
            else
            {
                sb.Append("\n\n").Append(QuestionCards.Verdict(stored.IsCorrect, stored.Points, scored: !stored.Practice));
            }
            sb.Append(QuestionCards.KeyAndWhy(q));
        }
        else
        {
            sb.Append("\nResults are revealed when the question closes.");
        }
        return OutgoingMessage.PrivateText(sb.ToString());
    }
}
