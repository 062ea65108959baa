namespace Cl37.Bot.Quiz;

/// <summary>IANA time zones by name, with a clear answer for a wrong one.</summary>
public static class TimeZones
{
    public static bool TryFind(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
            return false;
        if (name is "UTC" or "Etc/UTC")
            return true;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A zone named by an abbreviation or an offset (CET, EST5EDT, GMT+1) rather than a place:
    /// it does not follow any one country's summer time, so a schedule should not use it.</summary>
    public static bool IsAbbreviation(string name) =>
        !name.Contains('/', StringComparison.Ordinal) && name is not ("UTC" or "Etc/UTC");

    public static TimeZoneInfo FindOrUtc(string? name) => TryFind(name, out var zone) ? zone : TimeZoneInfo.Utc;
}
