using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class NumericTextTests
{
    [Theory]
    [InlineData("110,592 weight parameters", null, 110592, "weight parameters", 0)]
    [InlineData("3 pods", null, 3, "pods", 0)]
    [InlineData("5 server instances (4 minimum, 5 with buffer)", null, 5, "server instances", 0)]
    [InlineData("745 MB", null, 745, "MB", 0)]
    [InlineData("1.5 GB", null, 1.5, "GB", 0.05)]
    [InlineData("Total = 0.25", "Total", 0.25, null, 0.005)]
    [InlineData("99.8%", null, 99.8, "%", 0.05)]
    [InlineData("0.5 seconds", null, 0.5, "seconds", 0.05)]
    [InlineData("99.8% ± 0.1", null, 99.8, "%", 0.1)]
    [InlineData("99.8% (± 0.2%)", null, 99.8, "%", 0.2)]
    [InlineData("745 MB +/- 5 MB", null, 745, "MB", 5)]
    [InlineData("Latency = 120 ms ± 10", "Latency", 120, "ms", 10)]
    public void ParseExpected_OnePart_ToleranceFollowsTheWrittenPrecisionUnlessStated(string text, string? name, double value, string? unit, double absolute)
    {
        var part = Assert.Single(NumericText.ParseExpected(text));
        Assert.Equal(new NumericPart(name, value, unit, 0, 0), part with { AbsoluteTolerance = 0 });
        Assert.Equal(absolute, part.AbsoluteTolerance, 12);
    }

    [Theory]
    [InlineData("110,592", 0)]
    [InlineData("99.8", 0.05)]
    [InlineData("0.5", 0.05)]
    [InlineData("1.25", 0.005)]
    [InlineData("99.80", 0.005)]
    [InlineData("1.5e3", 50)]
    [InlineData("2e3", 0)]
    public void WrittenTolerance_HalfAUnitInTheLastDigit(string number, double expected) =>
        Assert.Equal(expected, NumericText.WrittenTolerance(number), 12);

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
