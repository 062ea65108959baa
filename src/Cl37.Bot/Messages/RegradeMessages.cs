using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Words /quiz regrade: the dry run and the result for the admin, and the short public
/// correction each regraded question gets in the channel.</summary>
public static class RegradeMessages
{
    /// <summary>Questions listed one by one; the rest are counted.</summary>
    public const int MaxListed = 20;

    /// <param name="confirm">The command that applies what the dry run showed.</param>
    public static OutgoingMessage Reply(RegradeReport report, string confirm)
    {
        switch (report)
        {
            case RegradeReport.UnknownDeck d:
                return OutgoingMessage.PrivateText($"There is no deck `{CommandTextParser.Shorten(d.DeckId)}`. Decks: {string.Join(", ", d.Decks)}.");
            case RegradeReport.UnknownQuestion { Matches.Count: 0 } q:
                return OutgoingMessage.PrivateText($"No question is called `{CommandTextParser.Shorten(q.Text)}`; name it like `question:\"MCQ 3\"` (with `deck:` where several decks have one) or by its id as `/quiz analysis` shows it.");
            case RegradeReport.UnknownQuestion q:
                return OutgoingMessage.PrivateText($"`{CommandTextParser.Shorten(q.Text)}` names {q.Matches.Count} questions ({string.Join(", ", q.Matches.Take(5))}); add `deck:` or give the id.");
        }
        var done = (RegradeReport.Done)report;
        if (done.Questions.Count == 0)
        {
            var stamped = done.Unchanged == 0 ? "" : $" ({Count(done.Unchanged, "answer")} graded against an older version keep their result{(done.Applied ? " and now carry the current one" : "")})";
            return OutgoingMessage.PrivateText($"Nothing to regrade: every stored answer here has the result its question's current version gives{stamped}.");
        }
        var text = new StringBuilder(done.Applied ? "**Regraded**" : "**Regrade · dry run** (nothing changed yet)");
        foreach (var q in done.Questions.Take(MaxListed))
        {
            text.Append("\n- ").Append(Label(q.Question)).Append(" (`").Append(q.Question.Id).Append("`): ")
                .Append(KeyPhrase(q.Question)).Append(" — ").Append(Count(q.Changed, "answer")).Append(done.Applied ? " changed" : " would change");
            if (People(q, done.Applied ? "" : "would ") is { Length: > 0 } people)
                text.Append("; ").Append(people);
            if (q.Frozen > 0)
                text.Append(CultureInfo.InvariantCulture, $"; {Count(q.Frozen, "answer")} of a finished competition {(done.Applied ? "left" : "leave")} its standings as announced");
        }
        if (done.Questions.Count > MaxListed)
            text.Append(CultureInfo.InvariantCulture, $"\n…and {done.Questions.Count - MaxListed} more questions.");
        if (done.Unchanged > 0)
            text.Append('\n').Append(Count(done.Unchanged, "other answer")).Append(" graded against an older version keep their result.");
        if (done.Questions.Any(q => q.Frozen > 0))
            text.Append("\nFinished competitions keep their standings; add `include_finished:true` to regrade them too.");
        text.Append('\n').Append(done.Applied
            ? "Scores, leaderboards, streaks, /stats, item analysis and review schedules now use the new grades; a correction was posted in the channel for each question."
            : $"To apply it and post a correction in the channel for each question: `{confirm}`");
        return OutgoingMessage.PrivateText(text.ToString());
    }

    /// <summary>The public note: "MCQ 1's key was corrected to B) Converting a trained model…; 12 people gained 10 points."</summary>
    public static OutgoingMessage Correction(QuestionRegrade q)
    {
        var what = q.Question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect ? "key" : "answer";
        var people = People(q, "");
        return OutgoingMessage.PublicText($"**Correction:** {Label(q.Question)}'s {what} was corrected to {QuestionCards.CorrectAnswer(q.Question)}; " +
            (people.Length > 0 ? people : "no score changed (only practice answers were affected)") + ".");
    }

    private static string KeyPhrase(Question q) =>
        (q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect ? "key now " : "answer now ") + QuestionCards.CorrectAnswer(q);

    private static string People(QuestionRegrade q, string would)
    {
        var parts = new List<string>();
        if (q.Gained > 0)
            parts.Add($"{Count(q.Gained, "person", "people")} {would}{(would.Length > 0 ? "gain" : "gained")} {Points(q.EachGained, q.GainedPoints, q.Gained)}");
        if (q.Lost > 0)
            parts.Add($"{Count(q.Lost, "person", "people")} {would}{(would.Length > 0 ? "lose" : "lost")} {Points(q.EachLost, q.LostPoints, q.Lost)}");
        return string.Join(" and ", parts);
    }

    private static string Points(double? each, double total, int people) => each is { } e
        ? Count(e, "point") + (people > 1 ? " each" : "")
        : Count(total, "point") + " between them";

    private static string Label(Question q) => q.Title is { } t ? $"“{t}”" : DeckLabels.Label(q.Section, q.Number);

    private static string Count(double n, string one, string? many = null) =>
        n.ToString("0.##", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
}
