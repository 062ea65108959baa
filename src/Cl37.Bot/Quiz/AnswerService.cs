using System.Diagnostics;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Quiz.Scoring;
using Cl37.Bot.Quiz.Text;

namespace Cl37.Bot.Quiz;

/// <summary>Grades answers and has them scored and stored exactly once.</summary>
public sealed class AnswerService(
    PostCache posts,
    DeckLibrary decks,
    AnswerWriter writer,
    TallyUpdater tally,
    CompetitionService competitions,
    QuizMetrics metrics,
    TimeProvider time)
{
    public async Task<AnswerResult> AnswerAsync(ChannelRef channel, ChatUser user, long postId, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var post = await posts.GetAsync(postId, cancellationToken);
        if (post is null || !post.IsOpenTo(channel, user.Id))
            return new AnswerResult.PostNotFound();
        var question = decks.FindQuestion(post.QuestionId);
        if (question is null)
            return new AnswerResult.RemovedFromDeck();
        if (post.PracticePersonId is not null && post.PracticeOwnerExternalId != user.Id)
            return new AnswerResult.SomeoneElsesPractice();

        var grade = Grader.Grade(question, values);
        if (grade.Error is { } problem)
            return new AnswerResult.InvalidInput(problem);

        // Whether the post is still open is the writer's call, made in the database as it stores the
        // answer: another replica may have revealed it since this one cached the post.
        var now = time.GetUtcNow().UtcDateTime;
        var practice = post.PracticePersonId is not null;
        var periods = practice ? [] : await PeriodsAsync(post, now, cancellationToken);
        var name = DisplayNames.Clean(user.DisplayName);
        var stored = await writer.WriteAsync(new PendingAnswer(post.GroupId, post.PostId, question.Id, user.Id, name,
            grade.Recorded, grade.Points, grade.IsCorrect, practice, now, now - post.PostedUtc, periods,
            new BonusSettings(post.StreakBonus, post.SpeedBonus)) { QuestionVersion = QuestionVersion.Of(question) }, cancellationToken);

        if (stored.Inserted && !stored.Practice)
        {
            tally.MarkDirty(post.PostId);
            metrics.AnswerRecorded(Stopwatch.GetElapsedTime(started));
        }
        var result = new AnswerResult.Recorded(question, stored, grade.Parts, practice, post.HideResults, grade.Points);
        if (stored.Inserted && result.Late)
            posts.Invalidate(post.PostId);
        return result;
    }

    private async Task<List<string>> PeriodsAsync(PostInfo post, DateTime now, CancellationToken cancellationToken) =>
        PeriodKeys.Of(now, TimeZones.FindOrUtc(post.TimeZone), await competitions.RunningIdAsync(post.GroupId, now, cancellationToken));
}
