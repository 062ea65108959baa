using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>The reply to the person who asked for a question to be posted now.</summary>
public static class PostMessages
{
    public static OutgoingMessage Reply(PostResult result) => OutgoingMessage.PrivateText(result.Outcome switch
    {
        PostOutcome.Posted => $"✅ Posted {QuestionCards.Label(result.Question!)} ({result.Question!.Topic}).",
        PostOutcome.PlatformUnavailable => $"The {result.Platform} platform is not enabled.",
        PostOutcome.NoQuestions => result.DeckId is null
            ? "There are no questions loaded."
            : $"The deck `{CommandTextParser.Shorten(result.DeckId)}` has no questions. Decks: {string.Join(", ", result.Decks)}.",
        PostOutcome.AlreadyPosted => result.InProgress ? "Today's question is being posted by another attempt." : "Today's question was already posted.",
        _ => $"Posting to {result.Platform} failed; it will be retried while the window is open.",
    });

    public static OutgoingMessage Revealed(int count) =>
        OutgoingMessage.PrivateText(count == 0 ? "There is no open question in this channel." : "✅ Revealed.");

    /// <summary>Why <c>/quiz now</c> did not post while the daily question is open: only an admin may
    /// close it early, with <paramref name="forceNow"/>.</summary>
    public static OutgoingMessage DailyStillOpen(OpenDailyQuestion open, bool byAdmin, string forceNow)
    {
        var until = open.Closes.ToString("ddd HH:mm", CultureInfo.InvariantCulture) + $" ({open.TimeZone})";
        return OutgoingMessage.PrivateText(byAdmin
            ? $"Today's question is still open until {until}; a new one would close it early and post its reveal. To do that, use `{forceNow}`."
            : $"Today's question is still open until {until}; a new one would close it early. Only an admin can do that, with `{forceNow}`.");
    }
}
