using Cl37.Bot.Platforms.Playground.Incoming;
using Cl37.Bot.Platforms.Playground.Wire;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundPeopleTests
{
    [Theory]
    [InlineData("Ada Lovelace", "ada-lovelace")]
    [InlineData("  tutor ", "tutor")]
    [InlineData("TUTOR", "tutor")]
    [InlineData("O'Brien, Pat", "o-brien-pat")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("tutor!", "tutor")]
    [InlineData("ｔｕｔｏｒ", "tutor")]
    public void IdOf_Name_DerivesReadableId(string name, string id) => Assert.Equal(id, PlaygroundPeople.IdOf(name));

    [Fact]
    public void IdOf_NonAsciiNames_DistinctHashedIds()
    {
        var a = PlaygroundPeople.IdOf("李雷");
        var b = PlaygroundPeople.IdOf("韩梅梅");

        Assert.StartsWith("u-", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, PlaygroundPeople.IdOf("李雷"));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Resolve_AdminToggle_CountsOnlyWhenSwitchAllowed(bool admin, bool allowSwitch, bool expected)
    {
        var (user, error) = PlaygroundPeople.Resolve(new PersonDto("Ann", admin), allowSwitch);

        Assert.Null(error);
        Assert.Equal(expected, user!.IsPlatformAdmin);
        Assert.Equal("Ann", user.DisplayName);
    }
}
