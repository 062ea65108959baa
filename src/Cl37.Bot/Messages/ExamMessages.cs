using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Replies to <c>/quiz exam set|show|off</c>: the group's figures only, never a person's, so
/// the readiness report can be posted in the channel.</summary>
public static class ExamMessages
{
    public static OutgoingMessage BadDate(string? text) => OutgoingMessage.PrivateText(
        $"`{CommandTextParser.Shorten(text ?? "")}` is not a date: write it as yyyy-MM-dd, for example `/quiz exam set date:2027-01-20`.");

    public static OutgoingMessage Set(ExamChange change) => change switch
    {
        ExamChange.Set set => OutgoingMessage.PublicText(string.Create(CultureInfo.InvariantCulture,
            $"🎓 Exam set for {set.Report.Date:yyyy-MM-dd} ({Deck(set.Report.DeckId)}). The daily questions cover the deck first, then what the group is likeliest to forget by then; `/quiz practice` aims at the exam too.\n")
            + Describe(set.Report)),
        ExamChange.NotAhead n => OutgoingMessage.PrivateText(string.Create(CultureInfo.InvariantCulture,
            $"The exam date must be after today ({n.Today:yyyy-MM-dd} in the group's time zone); {n.Date:yyyy-MM-dd} is not. Nothing was changed.")),
        ExamChange.UnknownDeck u => OutgoingMessage.PrivateText(
            $"There is no deck `{CommandTextParser.Shorten(u.DeckId)}`. Decks: {string.Join(", ", u.Known)}. Nothing was changed."),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    public static OutgoingMessage Show(ExamReport? report) => report is null
        ? OutgoingMessage.PrivateText("This group has no exam date ahead. Admins set one with `/quiz exam set date:2027-01-20`.")
        : OutgoingMessage.PublicText(string.Create(CultureInfo.InvariantCulture, $"🎓 Exam on {report.Date:yyyy-MM-dd} ({Deck(report.DeckId)}).\n") + Describe(report));

    public static OutgoingMessage Off(bool switchedOff) => switchedOff
        ? OutgoingMessage.PublicText("🎓 The exam date is off: the daily questions and practice go back to their usual rotation.")
        : OutgoingMessage.PrivateText("This group had no exam date to switch off.");

    public static string Describe(ExamReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Coverage: {r.Asked} of {r.DeckSize} questions asked here. ");
        sb.Append(Coverage(r.Coverage)).Append('\n');
        if (r.People == 0)
        {
            sb.Append("Forecast: nobody has answered a question of this deck yet.");
            return sb.ToString();
        }
        sb.Append(CultureInfo.InvariantCulture,
            $"Forecast for the exam date from everyone's memory now: predicted average {r.PredictedAverage:0%}, spread ±{r.PredictedSpread:0%} over {r.People} {(r.People == 1 ? "person" : "people")}.");
        if (r.WeakestTopics.Count > 0)
            sb.Append("\nWeakest topics: ").Append(string.Join(", ", r.WeakestTopics.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Topic} ({t.Recall:0%})")))).Append('.');
        return sb.ToString();
    }

    private static string Coverage(ExamCoverage? c)
    {
        if (c is null)
            return "This channel has no daily question: set one with `/quiz schedule set time:09:00` so the rest gets asked.";
        if (c.NeverAsked == 0)
            return "Every question was asked; the rest of the posts go to what the group is likeliest to forget.";
        if (c.Covers)
            return string.Create(CultureInfo.InvariantCulture, $"The {c.NeverAsked} left fit in the {c.Posts} daily questions before the exam.");
        var pace = string.Create(CultureInfo.InvariantCulture,
            $"⚠️ {c.NeverAsked} questions, {c.PostingDays} {(c.PostingDays == 1 ? "day" : "days")}, {PerDay(c.PerDay)}: {c.Uncovered} would never be asked; ");
        return pace + (c.PerDayNeeded is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"set {n} a day: `{ScheduleSetWith(n)}`.")
            : string.Create(CultureInfo.InvariantCulture,
                $"even the most a channel posts, {ScheduleTimes.MaxPerDay} a day (`{ScheduleSetWith(ScheduleTimes.MaxPerDay)}`), leaves {c.UncoveredAtMost} unasked."));
    }

    private static string PerDay(int n) => n == 1 ? "one a day" : string.Create(CultureInfo.InvariantCulture, $"{n} a day");

    /// <summary>The schedule command for <paramref name="perDay"/> posts a day at <see cref="ScheduleTimes.Suggested"/>.</summary>
    public static string ScheduleSetWith(int perDay) => "/quiz schedule set time:"
        + string.Join(',', ScheduleTimes.Suggested(perDay).Select(m => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)).ToString("HH:mm", CultureInfo.InvariantCulture)));

    private static string Deck(string? deckId) => deckId is null ? "all decks" : "deck " + deckId;
}
