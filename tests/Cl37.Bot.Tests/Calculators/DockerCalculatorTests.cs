using Cl37.Bot.Calculators;

namespace Cl37.Bot.Tests.Calculators;

public sealed class DockerCalculatorTests
{
    [Fact]
    public void Calculate_DeckNumerical5_Gives745Mb()
    {
        var result = DockerCalculator.Calculate("500", "45", "200");

        Assert.Equal(745m, CalcAssert.Succeeds(result));
        Assert.Equal(
        [
            "Total = Base + Model + Dependencies",
            "Total = 500 + 45 + 200 = 745 MB",
            "In GB: 745 MB / 1000 = 0.745 GB",
        ], result.Steps);
        Assert.Equal("745 MB (0.745 GB)", result.Answer);
    }

    [Theory]
    [InlineData("0.5GB", "45MB", "200MB")]
    [InlineData("0.5 gb", "45 mb", "200")]
    [InlineData("0.5G", "45000KB", "0.2GB")]
    [InlineData("500MB", "45M", "200mb")]
    public void Calculate_MixedUnits_SameAnswerInMb(string baseSize, string model, string deps) =>
        Assert.Equal(745m, CalcAssert.Succeeds(DockerCalculator.Calculate(baseSize, model, deps)));

    [Fact]
    public void Calculate_Converted_ShowsTheConversionStep()
    {
        var result = DockerCalculator.Calculate("0.5GB", "45MB", "200MB");

        Assert.Equal("Convert to MB (1 GB = 1000 MB): base 0.5 GB = 500 MB", result.Steps[1]);
        Assert.Equal("745 MB (0.745 GB)", result.Answer);
    }

    [Fact]
    public void Calculate_Input_RecordUsesMegabytes() =>
        Assert.Equal(1500m, CalcAssert.Succeeds(DockerCalculator.Calculate(
            new DockerInput(new DataSize(1, SizeUnit.GB), DataSize.Mb(500), DataSize.Mb(0)))));

    [Theory]
    [InlineData("-500", "45", "200", "base", "cannot be negative")]
    [InlineData("500", "-45MB", "200", "model", "cannot be negative")]
    [InlineData("500", "45", null, "deps", "is missing")]
    [InlineData("", "45", "200", "base", "is missing")]
    [InlineData("500", "forty", "200", "model", "must be a number")]
    [InlineData("500", "45", "200XB", "deps", "unit `XB`")]
    [InlineData("500", "45", "GB", "deps", "must be a number")]
    [InlineData("NaN", "45", "200", "base", "finite")]
    [InlineData("500", "Infinity", "200", "model", "finite")]
    [InlineData("500", "45", "1e400", "deps", "absurdly large")]
    [InlineData("20TB", "45", "200", "base", "absurdly large")]
    [InlineData("500", "45", "99999999GB", "deps", "absurdly large")]
    public void Calculate_BadInput_OneSentenceNamingTheArgument(string? baseSize, string? model, string? deps, string argument, string expected)
    {
        var result = DockerCalculator.Calculate(baseSize, model, deps);

        CalcAssert.FailsOn(result, argument);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
