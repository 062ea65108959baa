using System.Globalization;

namespace Cl37.Bot.Quiz;

/// <summary>Keys of the leaderboard periods, computed on the group's local date.</summary>
public static class PeriodKeys
{
    public const string AllTime = "A";

    public static string Week(DateOnly localDate) =>
        string.Create(CultureInfo.InvariantCulture, $"W{ISOWeek.GetYear(localDate.ToDateTime(TimeOnly.MinValue))}-{ISOWeek.GetWeekOfYear(localDate.ToDateTime(TimeOnly.MinValue)):00}");

    public static string Month(DateOnly localDate) =>
        string.Create(CultureInfo.InvariantCulture, $"M{localDate.Year}-{localDate.Month:00}");

    public static string Competition(long id) => string.Create(CultureInfo.InvariantCulture, $"C{id}");

    /// <summary>Every period an answer given at <paramref name="answeredUtc"/> counts in.</summary>
    public static List<string> Of(DateTime answeredUtc, TimeZoneInfo zone, long? competitionId)
    {
        var local = LocalDate(answeredUtc, zone);
        var periods = new List<string>(4) { AllTime, Week(local), Month(local) };
        if (competitionId is { } id)
            periods.Add(Competition(id));
        return periods;
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
