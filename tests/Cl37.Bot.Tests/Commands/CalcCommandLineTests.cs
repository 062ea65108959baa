using Cl37.Bot.Commands;
using Cl37.Bot.Hosting;

namespace Cl37.Bot.Tests.Commands;

public sealed class CalcCommandLineTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (code, output, error) = RunBoth(args);
        return (code, output + error);
    }

    private static (int ExitCode, string Output, string Error) RunBoth(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CalcCommandLine.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_Servers_PrintsStepsAndAnswerExits0()
    {
        var (code, output) = Run("servers", "200", "50");

        Assert.Equal(0, code);
        Assert.Contains("Servers needed for a peak load", output, StringComparison.Ordinal);
        Assert.Contains("  2. Minimum instances = 200 / 50 = 4", output, StringComparison.Ordinal);
        Assert.Contains("Final Answer: 4 server instances", output, StringComparison.Ordinal);
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
    [InlineData("5 server instances (4 minimum, 5 with buffer)", "servers", "200", "50", "1.25")]
    [InlineData("4 pods (by the formula)", "hpa", "2", "200m", "100m")]
    [InlineData("3 pods (by the formula)", "hpa", "2", "90%", "60%")]
    public void Run_SameFormsAsTheChat_Answers(string answer, params string[] args)
    {
        var (code, output) = Run(args);

        Assert.Equal(0, code);
        Assert.Contains("Final Answer: " + answer, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("more than 0", "servers", "200", "0")]
    [InlineData("'capacity' is missing", "servers", "200")]
    [InlineData("must be a number, not 'abc'", "servers", "abc", "50")]
    [InlineData("not 'NaN'", "hpa", "2", "NaN", "60")]
    [InlineData("more than 0", "hpa", "2", "90", "0")]
    [InlineData("has no sub-command 'volume'", "volume", "1")]
    [InlineData("needs a sub-command", new string[0])]
    [InlineData("Too many values", "servers", "200", "50", "1.25", "7")]
    [InlineData("has no option 'bias'", "weights", "784", "128", "--bias")]
    [InlineData("absurdly large", "weights", "784", "1e12")]
    public void Run_BadInput_PrintsTheSentenceToStandardErrorExits2(string expected, params string[] args)
    {
        var (code, output, error) = RunBoth(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(output);
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

        var code = await CommandLine.TryRunAsync(["calc", "servers", "200", "50"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("Final Answer: 4 server instances", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task TryRunAsync_Help_PrintsUsageExits0(string word)
    {
        using var output = new StringWriter();

        var code = await CommandLine.TryRunAsync([word], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("calc <calculator> <values>", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRunAsync_UnknownWord_IsAnErrorNotAServerStart()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.TryRunAsync(["calculate", "servers"], output, error);

        Assert.Equal(CommandLine.BadArguments, code);
        Assert.StartsWith("Unknown command 'calculate'", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("hpa 1 50 50")]
    [InlineData("hpa 0 50 50")]
    [InlineData("servers 200")]
    [InlineData("nosuch 1")]
    public async Task TryRunAsync_Calc_PrintsNoMarkdownBackticks(string args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        await CommandLine.TryRunAsync(["calc", .. args.Split(' ')], output, error);

        Assert.DoesNotContain('`', output.ToString() + error.ToString());
        Assert.DoesNotContain("**", output.ToString() + error.ToString());
    }

    [Fact]
    public async Task TryRunAsync_HpaWithOnePodWithinTolerance_SaysOnePod()
    {
        using var output = new StringWriter();

        await CommandLine.TryRunAsync(["calc", "hpa", "1", "50", "50"], output, TextWriter.Null);

        Assert.Contains("leaves the count alone: 1 pod\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("1 pods", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Urls=http://localhost:5081")]
    [InlineData("--urls")]
    [InlineData("Urls=http://localhost:5081")]
    public async Task TryRunAsync_HostSetting_StartsTheHost(string arg) =>
        Assert.Null(await CommandLine.TryRunAsync([arg, "http://localhost:5081"], TextWriter.Null, TextWriter.Null));

    [Fact]
    public void TakenAddress_PortInUse_OneLineNamingThePortAndTheSetting()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var url = $"http://localhost:{port}";

        var taken = CommandLine.TakenAddress(url);

        Assert.Equal((url, port), taken);
        var message = CommandLine.AddressInUseMessage(taken!.Value.Url, taken.Value.Port);
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith($"Port {port} is already in use", message, StringComparison.Ordinal);
        Assert.Contains("'Urls'", message, StringComparison.Ordinal);
        Assert.Contains("URLS=", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakenAddress_FreePort_IsNull()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Null(CommandLine.TakenAddress($"http://127.0.0.1:{port}"));
    }
}
