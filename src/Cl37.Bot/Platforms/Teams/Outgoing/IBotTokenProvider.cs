
namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Bearer tokens for calls to the Bot Connector; null in local mode, where botbuilder sends none.</summary>
internal interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
