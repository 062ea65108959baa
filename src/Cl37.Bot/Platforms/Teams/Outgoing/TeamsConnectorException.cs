using System.Net;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>A Bot Connector call that failed for good (after retries, or with a status not worth retrying).</summary>
internal sealed class TeamsConnectorException(string operation, HttpStatusCode status, string detail)
    : Exception($"Bot Connector {operation} failed with {(int)status} {status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;
}
