
namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>App-only tokens for Microsoft Graph in a customer's tenant; null in local mode.</summary>
internal interface IGraphTokenProvider
{
    Task<string?> GetTokenAsync(string tenantId, CancellationToken cancellationToken);
}
