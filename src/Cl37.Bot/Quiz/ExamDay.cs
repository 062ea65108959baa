namespace Cl37.Bot.Quiz;

/// <summary>The instant the exam is forecast for: the start of its local date in the group's zone.</summary>
public static class ExamDay
{
    public static DateTime StartUtc(DateOnly date, string timeZone)
    {
        var zone = TimeZones.FindOrUtc(timeZone);
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
