using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>/calc: runs one of the course's calculators and replies with its worked steps. The
/// calculators are pure, so each sub-command binds to a static method.</summary>
public static class CalcCommand
{
    public static CommandUnit Unit { get; } = CommandUnit.WithSubCommands("calc", "The course's formula calculators, with worked steps",
    [
        SubCommandUnit.Bind(new("weights", "Weight parameters of a dense network: Σ prev × next",
            [
                new("layers", "Layer sizes, input first (784 128 64 32)", OptionKind.Rest, Required: true, MaxLength: 200),
                new("biases", "Count the biases too", OptionKind.Boolean),
            ], Example: WeightsCalculator.Example),
            c => (Layers: c.Arg("layers"), Biases: ArgumentValidator.Bool(c, "biases") ?? false),
            (args, _, _) => Reply(WeightsCalculator.Calculate(args.Layers, args.Biases))),
        SubCommandUnit.Bind(new("hpa", "Kubernetes HPA: desired replicas",
            [
                new("current_pods", "Current number of pods", OptionKind.Integer, Required: true, MinValue: 1, MaxValue: 100_000),
                new("current_metric", "Current metric: 90, 90%, or a quantity such as 200m or 1.5", OptionKind.Text, Required: true, MaxLength: 32),
                new("target_metric", "Target metric, in the same form (60%, 500m)", OptionKind.Text, Required: true, MaxLength: 32),
                new("min", "Minimum replicas (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
                new("max", "Maximum replicas (default unbounded)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
            ], Example: HpaCalculator.Example),
            c => (Pods: c.Arg("current_pods"), Current: c.Arg("current_metric"), Target: c.Arg("target_metric"), Min: c.Arg("min"), Max: c.Arg("max")),
            (args, _, _) => Reply(HpaCalculator.Calculate(args.Pods, args.Current, args.Target, args.Min, args.Max))),
        SubCommandUnit.Bind(new("servers", "Servers needed for a peak load",
            [
                new("peak", "Peak requests per second", OptionKind.Number, Required: true),
                new("capacity", "Requests per second one server handles", OptionKind.Number, Required: true),
                new("buffer", "Safety factor such as 1.25 (default: none)", OptionKind.Number),
            ], Example: ServersCalculator.Example),
            c => (Peak: c.Arg("peak"), Capacity: c.Arg("capacity"), Buffer: c.Arg("buffer")),
            (args, _, _) => Reply(ServersCalculator.Calculate(args.Peak, args.Capacity, args.Buffer))),
        SubCommandUnit.Bind(new("coldstart", "Loading time of several models, sequential vs parallel",
            [
                new("times", "Load time in seconds (30), or a list (30,45,60)", OptionKind.Text, Required: true, MaxLength: 200),
                new("models", "How many models of that time (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 1000),
            ], Example: ColdStartCalculator.Example),
            c => (Times: c.Arg("times"), Models: c.Arg("models")),
            (args, _, _) => Reply(ColdStartCalculator.Calculate(args.Times, args.Models))),
        SubCommandUnit.Bind(new("docker", "Docker image size: base + model + dependencies",
            [
                new("base", "Base image size (500, 500MB, 0.5GB)", OptionKind.Text, Required: true, MaxLength: 32),
                new("model", "Model file size", OptionKind.Text, Required: true, MaxLength: 32),
                new("deps", "Dependencies size", OptionKind.Text, Required: true, MaxLength: 32),
            ], Example: DockerCalculator.Example),
            c => (Base: c.Arg("base"), Model: c.Arg("model"), Deps: c.Arg("deps")),
            (args, _, _) => Reply(DockerCalculator.Calculate(args.Base, args.Model, args.Deps))),
    ]);

    public static CommandDefinition Definition => Unit.Definition;

    // The calculators compute synchronously, so the bound methods' tasks are complete when returned.
    private static Task<OutgoingMessage> Reply<T>(CalcResult<T> result) => Task.FromResult(CalcMessages.Reply(result));
}
