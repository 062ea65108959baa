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
        var note = practice.ReviewBox is { } box ? $"Review (box {box} of 5)" : "A new question for you";
        return message with { Text = $"🎯 Practice — {note}, not scored.\n\n" + message.Text };
    }
}
