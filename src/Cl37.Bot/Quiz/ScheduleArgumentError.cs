namespace Cl37.Bot.Quiz;

/// <summary>What is wrong with <c>/quiz schedule set</c>'s arguments; <c>ScheduleMessages</c> words it.</summary>
public abstract record ScheduleArgumentError
{
    /// <summary>A time that is not a 24-hour time; <paramref name="OneOfSeveral"/> when a list was given.</summary>
    public sealed record NotATime(string Text, bool OneOfSeveral) : ScheduleArgumentError;

    public sealed record TimeTwice(TimeOnly Time) : ScheduleArgumentError;

    public sealed record TooManyTimes(int Count, int Max) : ScheduleArgumentError;

    /// <summary>Two consecutive times (across midnight too) closer than <paramref name="MinMinutes"/>.</summary>
    public sealed record TimesTooClose(TimeOnly From, TimeOnly To, int GapMinutes, int MinMinutes) : ScheduleArgumentError;

    public sealed record UnknownZone(string Zone) : ScheduleArgumentError;

    /// <summary>A zone abbreviation (CET, EST5EDT) rather than a place.</summary>
    public sealed record ZoneAbbreviation(string Zone) : ScheduleArgumentError;

    public sealed record NotAWeekday(string Part) : ScheduleArgumentError;

    public sealed record NoWeekday : ScheduleArgumentError;

    /// <summary>A window of 0 or less, or longer than the shortest gap to the next post.</summary>
    public sealed record WindowTooLong(double MaxHours) : ScheduleArgumentError;
}
