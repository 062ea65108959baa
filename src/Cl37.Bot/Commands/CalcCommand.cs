using System.Text;
using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>/calc: runs one of the course's calculators and replies with its worked steps.</summary>
public sealed class CalcCommand : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("calc", "The course's formula calculators, with worked steps",
    [
        new("weights", "Weight parameters of a dense network: Σ prev × next",
        [
            new("layers", "Layer sizes, input first (784 128 64 32)", OptionKind.Rest, Required: true, MaxLength: 200),
            new("biases", "Count the biases too", OptionKind.Boolean),
        ], Example: WeightsCalculator.Example),
        new("hpa", "Kubernetes HPA: desired replicas",
        [
            new("current_pods", "Current number of pods", OptionKind.Integer, Required: true, MinValue: 1, MaxValue: 100_000),
            new("current_metric", "Current metric: 90, 90%, or a quantity such as 200m or 1.5", OptionKind.Text, Required: true, MaxLength: 32),
            new("target_metric", "Target metric, in the same form (60%, 500m)", OptionKind.Text, Required: true, MaxLength: 32),
            new("min", "Minimum replicas (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
            new("max", "Maximum replicas (default unbounded)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
        ], Example: HpaCalculator.Example),
        new("servers", "Servers needed for a peak load",
        [
            new("peak", "Peak requests per second", OptionKind.Number, Required: true),
            new("capacity", "Requests per second one server handles", OptionKind.Number, Required: true),
            new("buffer", "Safety factor such as 1.25 (default: none)", OptionKind.Number),
        ], Example: ServersCalculator.Example),
        new("coldstart", "Loading time of several models, sequential vs parallel",
        [
            new("times", "Load time in seconds (30), or a list (30,45,60)", OptionKind.Text, Required: true, MaxLength: 200),
            new("models", "How many models of that time (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 1000),
        ], Example: ColdStartCalculator.Example),
        new("docker", "Docker image size: base + model + dependencies",
        [
            new("base", "Base image size (500, 500MB, 0.5GB)", OptionKind.Text, Required: true, MaxLength: 32),
            new("model", "Model file size", OptionKind.Text, Required: true, MaxLength: 32),
            new("deps", "Dependencies size", OptionKind.Text, Required: true, MaxLength: 32),
        ], Example: DockerCalculator.Example),
    ], []);

    CommandDefinition ICommandHandler.Definition => Definition;

    public Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(command));

    /// <summary>The reply, computed synchronously: the calculators are pure and never throw.</summary>
    public static OutgoingMessage Handle(ChatCommand command) => command.SubCommand?.ToLowerInvariant() switch
    {
        "weights" => Reply(WeightsCalculator.Calculate(command.Arg("layers"), ArgumentValidator.Bool(command, "biases") ?? false)),
        "hpa" => Reply(HpaCalculator.Calculate(command.Arg("current_pods"), command.Arg("current_metric"), command.Arg("target_metric"), command.Arg("min"), command.Arg("max"))),
        "servers" => Reply(ServersCalculator.Calculate(command.Arg("peak"), command.Arg("capacity"), command.Arg("buffer"))),
        "coldstart" => Reply(ColdStartCalculator.Calculate(command.Arg("times"), command.Arg("models"))),
        "docker" => Reply(DockerCalculator.Calculate(command.Arg("base"), command.Arg("model"), command.Arg("deps"))),
        _ => OutgoingMessage.PrivateText(
            "`/calc` needs one of weights, hpa, servers, coldstart or docker; for example `" + ServersCalculator.Example + "`."),
    };

    internal static OutgoingMessage Reply<T>(CalcResult<T> result)
    {
        if (result.Error is { } error)
            return OutgoingMessage.PrivateText(error);
        var card = new StepsCard(result.Title, result.Formula, result.Steps, result.Answer);
        return new OutgoingMessage(Markdown(card), card);
    }

    /// <summary>The card as Markdown, for platforms that show text only.</summary>
    internal static string Markdown(StepsCard card)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(card.Title).Append("**\n");
        sb.Append("Formula: `").Append(card.Formula).Append("`\n");
        sb.Append("**Solution Steps:**\n");
        for (var i = 0; i < card.Steps.Count; i++)
            sb.Append(i + 1).Append(". ").Append(card.Steps[i]).Append('\n');
        sb.Append("✅ **Final Answer:** ").Append(card.Answer);
        return sb.ToString();
    }
}
