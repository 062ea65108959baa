
namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>Opens gateway connections; tests swap in a scripted transport or point it at the fake server.</summary>
internal interface IGatewayConnector
{
    Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}
