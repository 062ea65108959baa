using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Tests.Commands;

public sealed class ScheduleArgumentsTests
{
    private static ScheduleSetArguments Command(params (string Name, string Value)[] args) =>
        ScheduleSetArguments.From(new(new ChannelRef("test", "g", "c"), new ChatUser("u", "U", false), "quiz", "schedule set",
            args.ToDictionary(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase)));

    [Theory]
    [InlineData(null, WeekDays.All)]
    [InlineData("daily", WeekDays.All)]
    [InlineData("weekdays", WeekDays.MondayToFriday)]
    [InlineData("mon-fri", WeekDays.MondayToFriday)]
    [InlineData("weekend", WeekDays.Weekends)]
    [InlineData("sat-sun", WeekDays.Weekends)]
    [InlineData("mon,wed,fri", 0b010_1010)]
    [InlineData("Friday-Monday", 0b110_0011)]
    public void TryParseDays_WhatPeopleType_IsTheMask(string? text, int mask)
    {
        Assert.True(ScheduleArguments.TryParseDays(text, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(mask, parsed);
    }

    [Theory]
    [InlineData("mon-xyz", "`days` must be like mon-fri, daily or mon,wed,fri — `mon-xyz` is not a weekday.")]
    [InlineData(",", "`days` names no weekday; use e.g. mon-fri or daily.")]
    public void TryParseDays_NoWeekday_SaysWhy(string text, string message)
    {
        Assert.False(ScheduleArguments.TryParseDays(text, out _, out var error));
        Assert.Equal(message, ScheduleMessages.Describe(error!));
    }

    [Fact]
    public void Parse_AllArguments_AreTyped()
    {
        var request = ScheduleArguments.Parse(
            Command(("time", "7:30"), ("zone", "Europe/Berlin"), ("days", "mon-fri"), ("window", "2.5"), ("results", "reveal"), ("deck", "exam")),
            "UTC", out var error);

        Assert.Null(error);
        Assert.Equal([new TimeOnly(7, 30)], request!.Times);
        Assert.Equal("Europe/Berlin", request.Zone.Id);
        Assert.Equal(WeekDays.MondayToFriday, request.Days);
        Assert.Equal(150, request.WindowMinutes);
        Assert.True(request.HideResults);
        Assert.Equal("exam", request.DeckId);
    }

    [Fact]
    public void Parse_ThreeTimesInAnyOrder_AreSorted()
    {
        var request = ScheduleArguments.Parse(Command(("time", "18:00, 9:00,13:00"), ("window", "4")), "UTC", out var error);

        Assert.Null(error);
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(13, 0), new TimeOnly(18, 0)], request!.Times);
        Assert.Equal(240, request.WindowMinutes);
    }

    [Theory]
    [InlineData("09:00,25:00", "`time` must be 24-hour times like 09:00,13:00,18:00 — `25:00` is not one.")]
    [InlineData("nine", "`time` must be a 24-hour time like 09:00, not `nine`.")]
    [InlineData("09:00,13:00,09:00", "`time` names 09:00 twice; name each time once.")]
    [InlineData("06:00,08:00,10:00,12:00,14:00,16:00,18:00", "`time` names 7 times; a channel gets at most 6 questions a day.")]
    [InlineData("09:00,10:30", "`time` 09:00 and 10:30 are only 1:30 h apart; questions need at least 2 hours between them, so each is open for an hour or more.")]
    [InlineData("00:30,12:00,23:30", "`time` 23:30 and 00:30 are only 1:00 h apart; questions need at least 2 hours between them, so each is open for an hour or more.")]
    public void Parse_BadTimes_OneMessageNamingTheBadItem(string times, string message)
    {
        Assert.Null(ScheduleArguments.Parse(Command(("time", times)), "UTC", out var error));
        Assert.Equal(message, ScheduleMessages.Describe(error!));
    }

    [Fact]
    public void Parse_WindowLongerThanTheGapBetweenTimes_IsRefused()
    {
        Assert.Null(ScheduleArguments.Parse(Command(("time", "09:00,13:30"), ("window", "5")), "UTC", out var error));
        Assert.Equal("`window` must be more than 0 and at most 4.5 hours, so answers close before the next question is posted.", ScheduleMessages.Describe(error!));
    }

    [Fact]
    public void Parse_NoZone_TakesTheDefault()
    {
        var request = ScheduleArguments.Parse(Command(("time", "09:00")), "UTC", out _);

        Assert.Equal(TimeZoneInfo.Utc, request!.Zone);
        Assert.Null(request.WindowMinutes);
        Assert.False(request.HideResults);
    }

    [Theory]
    [InlineData("25:00", null, null, "`time` must be a 24-hour time like 09:00, not `25:00`.")]
    [InlineData("09:00", "Mars/Olympus", null, "`Mars/Olympus` is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.")]
    [InlineData("09:00", "CET", null, "`CET` is an abbreviation, not a place: its summer time is nobody's. Use the zone of a city, such as Europe/Berlin or America/New_York.")]
    [InlineData("09:00", "EST5EDT", null, "`EST5EDT` is an abbreviation, not a place: its summer time is nobody's. Use the zone of a city, such as Europe/Berlin or America/New_York.")]
    [InlineData("09:00", null, "30", "`window` must be more than 0 and at most 24 hours, so answers close before the next question is posted.")]
    public void Parse_WrongArgument_NamesIt(string time, string? zone, string? window, string message)
    {
        var args = new List<(string, string)> { ("time", time) };
        if (zone is not null)
            args.Add(("zone", zone));
        if (window is not null)
            args.Add(("window", window));

        Assert.Null(ScheduleArguments.Parse(Command([.. args]), "UTC", out var error));
        Assert.Equal(message, ScheduleMessages.Describe(error!));
    }
}
