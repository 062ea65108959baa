using Cl37.Bot.Calculators;

namespace Cl37.Bot.Tests.Calculators;

public sealed class ServersCalculatorTests
{
    [Fact]
    public void Calculate_NoBuffer_GivesTheMinimum4()
    {
        var result = ServersCalculator.Calculate("200", "50", null);

        Assert.Equal(new ServerCount(4, null), CalcAssert.Succeeds(result));
        Assert.Equal(
        [
            "Minimum instances needed = Peak demand / Server capacity",
            "Minimum instances = 200 / 50 = 4",
            "No buffer given: for a reserve, add a safety factor as the third number (1.25 adds 25%)",
        ], result.Steps);
        Assert.Equal("4 server instances", result.Answer);
    }

    [Fact]
    public void Calculate_DeckNumerical3WithBuffer_Gives4MinimumAnd5WithBuffer()
    {
        var result = ServersCalculator.Calculate("200", "50", "1.25");

        Assert.Equal(new ServerCount(4, 5), CalcAssert.Succeeds(result));
        Assert.Equal("Add buffer for reliability (typically 20-50%): 4 × 1.25 = 5", result.Steps[2]);
        Assert.Equal("5 server instances (4 minimum, 5 with buffer)", result.Answer);
    }

    [Fact]
    public void Calculate_UnevenDivision_RoundsUpBothSteps()
    {
        var result = ServersCalculator.Calculate(new ServersInput(200, 60, 1.1m));

        Assert.Equal(new ServerCount(4, 5), CalcAssert.Succeeds(result));
        Assert.Equal("Minimum instances = 200 / 60 ≈ 3.3333, round up: 4", result.Steps[1]);
        Assert.Equal("Add buffer for reliability (typically 20-50%): 4 × 1.1 = 4.4, round up: 5", result.Steps[2]);
    }

    [Theory]
    [InlineData("1", 4, 4)]
    [InlineData("1.5", 4, 6)]
    [InlineData("2", 4, 8)]
    public void Calculate_CustomBuffer_Applied(string buffer, long minimum, long withBuffer) =>
        Assert.Equal(new ServerCount(minimum, withBuffer), CalcAssert.Succeeds(ServersCalculator.Calculate("200", "50", buffer)));

    [Fact]
    public void Calculate_OneServer_SingularNoun()
    {
        Assert.Equal("1 server instance (1 minimum, 1 with buffer)", ServersCalculator.Calculate("10", "50", "1").Answer);
        Assert.Equal("1 server instance", ServersCalculator.Calculate("10", "50", null).Answer);
    }

    [Theory]
    [InlineData("200", "0", null, "capacity", "more than 0")]
    [InlineData("200", "-50", null, "capacity", "more than 0")]
    [InlineData("200", "0.0", null, "capacity", "more than 0")]
    [InlineData("200", null, null, "capacity", "is missing")]
    [InlineData("200", "fifty", null, "capacity", "must be a number, not `fifty`")]
    [InlineData("200", "1e-27", null, "capacity", "too small")]
    [InlineData("200", "∞", null, "capacity", "finite")]
    [InlineData("", "50", null, "peak", "is missing")]
    [InlineData("-200", "50", null, "peak", "more than 0")]
    [InlineData("0", "50", null, "peak", "more than 0")]
    [InlineData("NaN", "50", null, "peak", "finite")]
    [InlineData("1e400", "50", null, "peak", "absurdly large")]
    [InlineData("2000000000000", "50", null, "peak", "absurdly large")]
    [InlineData("200", "50", "0.8", "buffer", "at least 1")]
    [InlineData("200", "50", "-1.25", "buffer", "at least 1")]
    [InlineData("200", "50", "25%", "buffer", "must be a number")]
    [InlineData("200", "50", "100", "buffer", "absurdly large")]
    public void Calculate_BadInput_OneSentenceNamingTheArgument(string? peak, string? capacity, string? buffer, string argument, string expected)
    {
        var result = ServersCalculator.Calculate(peak, capacity, buffer);

        CalcAssert.FailsOn(result, argument);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_HugePeakTinyCapacity_RefusedNotOverflowed()
    {
        var result = ServersCalculator.Calculate(new ServersInput(1_000_000_000_000m, 0.0000001m, 1.25m));

        CalcAssert.FailsOn(result, "capacity");
    }
}
