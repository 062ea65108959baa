using System.Text;
using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>/calc: runs one of the course's calculators and replies with its worked steps.</summary>
public sealed class CalcCommand : ICommandHandler
{
    public string Command => "calc";

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
