using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>A practice question as the person sees it: the question card, marked as not scored.</summary>
public static class PracticeMessages
{
    public static OutgoingMessage Reply(PracticeQuestion? practice)
    {
        if (practice is null)
            return OutgoingMessage.PrivateText("There are no questions loaded to practise with.");
        var message = QuestionCards.Question(practice.PostId, practice.Question, 0, null, false, isPrivate: true);
        var note = practice.RecallNow is { } recall
            ? string.Create(CultureInfo.InvariantCulture, $"Review (you would recall it now with {recall:0%} chance)")
            : "A new question for you";
        var aim = practice.ExamDate is { } exam
            ? string.Create(CultureInfo.InvariantCulture, $" Picked to raise your recall on the exam day, {exam:yyyy-MM-dd}.")
            : "";
        var due = string.Create(CultureInfo.InvariantCulture, $"{Count(practice.Due, "question")} due for review, {practice.Unseen} not seen yet.");
        return message with { Text = $"🎯 Practice — {note}, not scored. {due}{aim}\n\n" + message.Text };
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
