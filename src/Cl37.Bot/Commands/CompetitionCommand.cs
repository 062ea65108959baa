using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/competition start | end | show.</summary>
public sealed class CompetitionCommand(ChannelDirectory channels, CompetitionService competitions) : ICommandHandler
{
    public string Command => "competition";

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        return command.SubCommand switch
        {
            "start" => await competitions.StartAsync(channel, command.Arg("name")!, command.Arg("end")!, cancellationToken),
            "end" => await competitions.EndAsync(channel, cancellationToken),
            _ => await competitions.ShowAsync(channel, command.User.Id, cancellationToken),
        };
    }
}
