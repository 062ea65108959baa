using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Replies to <c>/quiz schedule set|show|off</c>.</summary>
public static class ScheduleMessages
{
    public static OutgoingMessage Set(ScheduleView schedule) => OutgoingMessage.PublicText(Line(schedule));

    /// <param name="setExample">The registered example of <c>/quiz schedule set</c>.</param>
    public static OutgoingMessage Show(ScheduleView? schedule, string setExample) => schedule is null
        ? OutgoingMessage.PrivateText($"This channel has no daily question. Admins set one with `{setExample}`.")
        : OutgoingMessage.PrivateText(Line(schedule));

    public static OutgoingMessage Off(bool switchedOff) => switchedOff
        ? OutgoingMessage.PublicText("📅 The daily question in this channel is switched off. Answers and scores are kept.")
        : OutgoingMessage.PrivateText("This channel had no daily question to switch off.");

    private static string Line(ScheduleView s) => "📅 " + Describe(s) + Next(s);

    private static string Next(ScheduleView s) => s.NextAt is { } at && s.NextCloses is { } closes
        ? string.Create(CultureInfo.InvariantCulture, $" Next question: {at:ddd yyyy-MM-dd HH:mm}; its answers close {closes:ddd yyyy-MM-dd HH:mm}.")
        : "";

    public static string Describe(ScheduleView s)
    {
        var window = s.WindowMinutes is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"answers stay open {w / 60.0:0.##} h")
            : "answers stay open until 1 hour before the next question";
        var times = s.Times.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"Daily question at {s.Times[0]:HH:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Times.Count} daily questions, at {Times(s.Times)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{times} ({s.TimeZone}), {Days(s.Days)}; {window}; results {(s.HideResults ? "shown at the reveal" : "shown at once")}{(s.DeckId is null ? "" : $"; deck {s.DeckId}")}.");
    }

    /// <summary>09:00, 13:00 and 18:00.</summary>
    public static string Times(IReadOnlyList<TimeOnly> times)
    {
        var text = times.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)).ToList();
        return text.Count == 1 ? text[0] : string.Join(", ", text[..^1]) + " and " + text[^1];
    }

    public static string Days(int mask) => mask switch
    {
        WeekDays.All => "every day",
        WeekDays.MondayToFriday => "Monday to Friday",
        _ => string.Join(", ", Enumerable.Range(0, 7).Where(d => (mask & (1 << d)) != 0)
            .Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)d))),
    };

    /// <summary>What is wrong with <c>/quiz schedule set</c>'s arguments.</summary>
    public static OutgoingMessage Invalid(ScheduleArgumentError error) => OutgoingMessage.PrivateText(Describe(error));

    public static string Describe(ScheduleArgumentError error) => error switch
    {
        ScheduleArgumentError.NotATime { OneOfSeveral: false } e => $"`time` must be a 24-hour time like 09:00, not `{CommandTextParser.Shorten(e.Text)}`.",
        ScheduleArgumentError.NotATime e => $"`time` must be 24-hour times like 09:00,13:00,18:00 — `{CommandTextParser.Shorten(e.Text)}` is not one.",
        ScheduleArgumentError.TimeTwice e => string.Create(CultureInfo.InvariantCulture, $"`time` names {e.Time:HH:mm} twice; name each time once."),
        ScheduleArgumentError.TooManyTimes e => $"`time` names {e.Count} times; a channel gets at most {e.Max} questions a day.",
        ScheduleArgumentError.TimesTooClose e => string.Create(CultureInfo.InvariantCulture,
            $"`time` {e.From:HH:mm} and {e.To:HH:mm} are only {e.GapMinutes / 60}:{e.GapMinutes % 60:00} h apart; questions need at least {e.MinMinutes / 60} hours between them, so each is open for an hour or more."),
        ScheduleArgumentError.UnknownZone e => $"`{CommandTextParser.Shorten(e.Zone)}` is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.",
        ScheduleArgumentError.ZoneAbbreviation e => $"`{CommandTextParser.Shorten(e.Zone)}` is an abbreviation, not a place: its summer time is nobody's. Use the zone of a city, such as Europe/Berlin or America/New_York.",
        ScheduleArgumentError.NotAWeekday e => $"`days` must be like mon-fri, daily or mon,wed,fri — `{e.Part}` is not a weekday.",
        ScheduleArgumentError.NoWeekday => "`days` names no weekday; use e.g. mon-fri or daily.",
        ScheduleArgumentError.WindowTooLong e => string.Create(CultureInfo.InvariantCulture,
            $"`window` must be more than 0 and at most {e.MaxHours:0.##} hours, so answers close before the next question is posted."),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
