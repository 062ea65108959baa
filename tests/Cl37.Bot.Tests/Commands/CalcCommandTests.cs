using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Commands;

public sealed class CalcCommandTests
{
    private static readonly ChannelRef Channel = new("playground", "room", "general");
    private static readonly ChatUser Student = new("u1", "Student", false);

    // The calculators bind to static methods: they need no services.
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private static Task<OutgoingMessage> Handle(string? sub, params (string Name, string Value)[] args) =>
        CalcCommand.Unit.RunAsync(NoServices,
            new ChatCommand(Channel, Student, "calc", sub, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase)),
            CancellationToken.None);

    private static Task<OutgoingMessage> HandleText(string text)
    {
        var parsed = CommandTextParser.Parse(CommandRegistrations.Catalog(), text, Channel, Student);
        Assert.True(parsed.Command is not null, parsed.Error?.ToString());
        return CalcCommand.Unit.RunAsync(NoServices, parsed.Command, CancellationToken.None);
    }

    [Fact]
    public void Command_IsCalcFromTheCatalog() =>
        Assert.NotNull(CommandRegistrations.Catalog().Find(CalcCommand.Definition.Name));

    [Fact]
    public async Task HandleAsync_EveryCatalogExample_AnswersWithSteps()
    {
        var calc = CommandRegistrations.Catalog().Find("calc")!;
        Assert.Equal(["weights", "hpa", "servers", "coldstart", "docker"], calc.SubCommands.Select(s => s.Name));
        foreach (var sub in calc.SubCommands)
        {
            var reply = await HandleText(sub.Example!);
            Assert.True(reply.Card is StepsCard, $"{sub.Example}: {reply.Text}");
        }
    }

    [Fact]
    public void Examples_InFailureSentences_MatchTheCatalog()
    {
        var calc = CommandRegistrations.Catalog().Find("calc")!;
        Assert.Equal(WeightsCalculator.Example, calc.FindSubCommand("weights")!.Example);
        Assert.Equal(HpaCalculator.Example, calc.FindSubCommand("hpa")!.Example);
        Assert.Equal(ServersCalculator.Example, calc.FindSubCommand("servers")!.Example);
        Assert.Equal(ColdStartCalculator.Example, calc.FindSubCommand("coldstart")!.Example);
        Assert.Equal(DockerCalculator.Example, calc.FindSubCommand("docker")!.Example);
    }

    [Fact]
    public async Task HandleAsync_Weights_StepsCardAndMarkdownText()
    {
        var reply = await Handle("weights", ("layers", "784 128 64 32"));

        var card = Assert.IsType<StepsCard>(reply.Card);
        Assert.False(reply.Private);
        Assert.Equal("Weight parameters of a dense network", card.Title);
        Assert.Equal(4, card.Steps.Count);
        Assert.Equal("110,592 weight parameters", card.Answer);
        Assert.Contains("Σ (neurons_prev_layer × neurons_current_layer)", card.Formula, StringComparison.Ordinal);
        Assert.Equal(
            """
            **Weight parameters of a dense network**
            Formula: `Weight Parameters = Σ (neurons_prev_layer × neurons_current_layer)`
            **Solution Steps:**
            1. Weights from Input to Hidden 1: 784 × 128 = 100,352
            2. Weights from Hidden 1 to Hidden 2: 128 × 64 = 8,192
            3. Weights from Hidden 2 to Hidden 3: 64 × 32 = 2,048
            4. Total weights = 100,352 + 8,192 + 2,048 = 110,592
            ✅ **Final Answer:** 110,592 weight parameters
            """, reply.Text);
    }

    [Theory]
    [InlineData("weights", "110,816 parameters (110,592 weights + 224 biases)", "layers", "784,128,64,32", "biases", "true")]
    [InlineData("weights", "110,592 weight parameters", "layers", "784 128 64 32", "biases", "false")]
    [InlineData("hpa", "3 pods (by the formula)", "current_pods", "2", "current_metric", "90", "target_metric", "60", "min", "2", "max", "10")]
    [InlineData("servers", "4 server instances", "peak", "200", "capacity", "50")]
    [InlineData("servers", "5 server instances (4 minimum, 5 with buffer)", "peak", "200", "capacity", "50", "buffer", "1.25")]
    [InlineData("coldstart", "Parallel = 30 seconds, Sequential = 90 seconds", "times", "30", "models", "3")]
    [InlineData("docker", "745 MB (0.745 GB)", "base", "500", "model", "45", "deps", "200")]
    public async Task HandleAsync_NamedArguments_DecksAnswers(string sub, string answer, params string[] pairs)
    {
        var args = pairs.Chunk(2).Select(p => (p[0], p[1])).ToArray();

        var reply = await Handle(sub, args);

        Assert.Equal(answer, Assert.IsType<StepsCard>(reply.Card).Answer);
        Assert.EndsWith("✅ **Final Answer:** " + answer, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/calc weights 784 128 64 32 --biases", "110,816 parameters (110,592 weights + 224 biases)")]
    [InlineData("/calc hpa 2 90 60 1 10", "3 pods (by the formula)")]
    [InlineData("/calc hpa 4 64 60", "4 pods (within the 10% tolerance, no change)")]
    [InlineData("calc servers 200 50", "4 server instances")]
    [InlineData("calc servers 200 50 1.25", "5 server instances (4 minimum, 5 with buffer)")]
    [InlineData("calc hpa 2 200m 100m", "4 pods (by the formula)")]
    [InlineData("/calc coldstart 30,45,60", "Parallel = 60 seconds, Sequential = 135 seconds")]
    [InlineData("/calc docker 0.5GB 45MB 200MB", "745 MB (0.745 GB)")]
    [InlineData("/calc docker base:0.5GB model:45 deps:200", "745 MB (0.745 GB)")]
    public async Task HandleAsync_TypedText_Answers(string text, string answer)
    {
        var reply = await HandleText(text);

        Assert.Equal(answer, Assert.IsType<StepsCard>(reply.Card).Answer);
    }

    [Theory]
    [InlineData("/calc servers 200 0", "`capacity` must be more than 0")]
    [InlineData("/calc servers 200", "`capacity` is missing")]
    [InlineData("/calc hpa 2 90 60 5 3", "`max` (3) must not be below `min` (5)")]
    [InlineData("/calc weights 784", "`layers` needs at least 2 layer sizes")]
    [InlineData("/calc coldstart ∞ 3", "`times` must be a finite number")]
    [InlineData("/calc docker 500 45 -200", "`deps` cannot be negative")]
    public async Task HandleAsync_BadInput_PrivateSentenceWithExample(string text, string expected)
    {
        var reply = await HandleText(text);

        Assert.True(reply.Private);
        Assert.Null(reply.Card);
        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("for example `/calc ", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HandleAsync_AnyTypedText_NeverThrows()
    {
        var subs = Gen.OneOf<string>("weights", "hpa", "servers", "coldstart", "docker", "WEIGHTS", "nope", "");
        var tokens = Gen.OneOf(
            Gen.OneOf<string>("0", "-1", "1", "2", "30", "60", "90", "200", "784", "1e308", "1e-300", "-0", "NaN", "∞", "-Infinity",
                "99999999999999999999999999999", "0.5GB", "45MB", "12XB", "1,2,3", ",", "--biases", "--max", "min:3", "buffer=0",
                "\"0.5 GB\"", "30s", "1.5", ".", "e", "--", ":", "="),
            Gen.Double.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.String[0, 12]);
        var structured = Gen.Select(subs, tokens.Array[0, 8], (s, t) => "/calc " + s + " " + string.Join(' ', t));
        var anything = Gen.OneOf(structured, Gen.String, Gen.String.Select(s => "calc " + s));

        anything.Sample(text =>
        {
            var parsed = CommandTextParser.Parse(CommandRegistrations.Catalog(), text, Channel, Student);
            if (parsed.Command is not { } command)
                return parsed.Error is not null;
            var reply = CalcCommand.Unit.RunAsync(NoServices, command, CancellationToken.None).GetAwaiter().GetResult();
            return !string.IsNullOrWhiteSpace(reply.Text)
                && (reply.Card is StepsCard { Steps.Count: > 0 } || (reply.Private && reply.Card is null));
        }, iter: 5000, threads: 1);
    }
}
