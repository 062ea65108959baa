using Cl37.Bot.Calculators;

namespace Cl37.Bot.Tests.Calculators;

public sealed class ColdStartCalculatorTests
{
    [Fact]
    public void Calculate_DeckNumerical4_Parallel30Sequential90()
    {
        var result = ColdStartCalculator.Calculate("30", "3");

        Assert.Equal(new ColdStartTimes(30, 90), CalcAssert.Succeeds(result));
        Assert.Equal(
        [
            "Simultaneously (parallel): all start at the same time, so total time = 30 seconds (all models load in parallel)",
            "Sequentially (one after another): total time = 30 × 3 = 90 seconds",
        ], result.Steps);
        Assert.Equal("Parallel = 30 seconds, Sequential = 90 seconds", result.Answer);
    }

    [Theory]
    [InlineData("30,45,60")]
    [InlineData("30, 45, 60")]
    [InlineData("30s 45s 60s")]
    public void Calculate_List_SequentialIsSumParallelIsMax(string times)
    {
        var result = ColdStartCalculator.Calculate(times, null);

        Assert.Equal(new ColdStartTimes(60, 135), CalcAssert.Succeeds(result));
        Assert.Contains("max(30, 45, 60) = 60 seconds", result.Steps[0], StringComparison.Ordinal);
        Assert.Contains("30 + 45 + 60 = 135 seconds", result.Steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_SingleTimeNoCount_OneModel() =>
        Assert.Equal(new ColdStartTimes(2.5m, 2.5m), CalcAssert.Succeeds(ColdStartCalculator.Calculate("2.5", null)));

    [Theory]
    [InlineData(null, null, "times", "are missing")]
    [InlineData(" , ", null, "times", "are missing")]
    [InlineData("0", null, "times", "more than 0")]
    [InlineData("-30", "3", "times", "more than 0")]
    [InlineData("30,-45", null, "times", "number 2 must be more than 0")]
    [InlineData("thirty", "3", "times", "must be a number")]
    [InlineData("30,x,60", null, "times", "number 2 must be a number")]
    [InlineData("NaN", "3", "times", "finite")]
    [InlineData("1e9", "3", "times", "absurdly large")]
    [InlineData("30", "0", "models", "at least 1")]
    [InlineData("30", "-3", "models", "at least 1")]
    [InlineData("30", "3.5", "models", "whole number")]
    [InlineData("30", "5000", "models", "absurdly large")]
    [InlineData("30,45", "3", "models", "only goes with a single time")]
    public void Calculate_BadInput_OneSentenceNamingTheArgument(string? times, string? models, string argument, string expected)
    {
        var result = ColdStartCalculator.Calculate(times, models);

        CalcAssert.FailsOn(result, argument);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_TooManyTimes_Refused()
    {
        var result = ColdStartCalculator.Calculate(string.Join(',', Enumerable.Repeat("1", ColdStartCalculator.MaxModels + 1)), null);

        CalcAssert.FailsOn(result, "times");
    }
}
