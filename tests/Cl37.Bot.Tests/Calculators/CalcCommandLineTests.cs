using Cl37.Bot.Calculators;
using Cl37.Bot.Hosting;

namespace Cl37.Bot.Tests.Calculators;

public sealed class CalcCommandLineTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        var code = CalcCommandLine.Run(args, output);
        return (code, output.ToString());
    }

    [Fact]
    public void Run_Servers_PrintsStepsAndAnswerExits0()
    {
        var (code, output) = Run("servers", "200", "50");

        Assert.Equal(0, code);
        Assert.Contains("Servers needed for a peak load", output, StringComparison.Ordinal);
        Assert.Contains("  2. Minimum instances = 200 / 50 = 4", output, StringComparison.Ordinal);
        Assert.Contains("  3. Add buffer for reliability (typically 20-50%): 4 × 1.25 = 5", output, StringComparison.Ordinal);
        Assert.Contains("Final Answer: 5 server instances (4 minimum, 5 with buffer)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110,816 parameters", "weights", "784", "128", "64", "32", "--biases")]
    [InlineData("110,592 weight parameters", "weights", "784,128,64,32")]
    [InlineData("3 pods (by the formula)", "hpa", "2", "90", "60", "1", "10")]
    [InlineData("12 pods (clamped to max)", "hpa", "10", "90", "60", "--max", "12")]
    [InlineData("Parallel = 30 seconds, Sequential = 90 seconds", "coldstart", "30", "3")]
    [InlineData("Parallel = 60 seconds, Sequential = 135 seconds", "coldstart", "30,45,60")]
    [InlineData("745 MB (0.745 GB)", "docker", "0.5GB", "45MB", "200MB")]
    [InlineData("745 MB (0.745 GB)", "docker", "0.5 GB", "45", "200")]
    [InlineData("6 server instances", "servers", "peak:200", "capacity=50", "--buffer", "1.5")]
    public void Run_SameFormsAsTheChat_Answers(string answer, params string[] args)
    {
        var (code, output) = Run(args);

        Assert.Equal(0, code);
        Assert.Contains("Final Answer: " + answer, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("more than 0", "servers", "200", "0")]
    [InlineData("`capacity` is missing", "servers", "200")]
    [InlineData("must be a number, not `abc`", "servers", "abc", "50")]
    [InlineData("must be a number, not `NaN`", "hpa", "2", "NaN", "60")]
    [InlineData("more than 0", "hpa", "2", "90", "0")]
    [InlineData("has no sub-command `volume`", "volume", "1")]
    [InlineData("needs a sub-command", new string[0])]
    [InlineData("Too many values", "servers", "200", "50", "1.25", "7")]
    [InlineData("has no option `bias`", "weights", "784", "128", "--bias")]
    [InlineData("absurdly large", "weights", "784", "1e12")]
    public void Run_BadInput_PrintsTheSentenceExits2(string expected, params string[] args)
    {
        var (code, output) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Final Answer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ListsEveryCalculatorExits0()
    {
        var (code, output) = Run("--help");

        Assert.Equal(0, code);
        foreach (var name in new[] { "weights", "hpa", "servers", "coldstart", "docker" })
            Assert.Contains("/calc " + name, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRunAsync_CalcVerb_RunsWithoutTheHost()
    {
        using var output = new StringWriter();

        var code = await CommandLine.TryRunAsync(["calc", "servers", "200", "50"], output);

        Assert.Equal(0, code);
        Assert.Contains("Final Answer: 5 server instances", output.ToString(), StringComparison.Ordinal);
    }
}
