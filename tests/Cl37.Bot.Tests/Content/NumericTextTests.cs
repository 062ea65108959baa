using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class NumericTextTests
{
    [Theory]
    [InlineData("110,592 weight parameters", null, 110592, "weight parameters", 0)]
    [InlineData("3 pods", null, 3, "pods", 0)]
    [InlineData("5 server instances (4 minimum, 5 with buffer)", null, 5, "server instances", 0)]
    [InlineData("745 MB", null, 745, "MB", 0)]
    [InlineData("1.5 GB", null, 1.5, "GB", 0.01)]
    [InlineData("Total = 0.25", "Total", 0.25, null, 0.01)]
    public void ParseExpected_OnePart(string text, string? name, double value, string? unit, double relative) =>
        Assert.Equal(new NumericPart(name, value, unit, 0, relative), Assert.Single(NumericText.ParseExpected(text)));

    [Fact]
    public void ParseExpected_NamedParts() =>
        Assert.Equal(
            [new NumericPart("Parallel", 30, "seconds", 0, 0), new NumericPart("Sequential", 90, "seconds", 0, 0)],
            NumericText.ParseExpected("Parallel = 30 seconds, Sequential = 90 seconds"));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("1e999")]
    public void ParseExpected_NoNumber_IsEmpty(string text) => Assert.Empty(NumericText.ParseExpected(text));
}
