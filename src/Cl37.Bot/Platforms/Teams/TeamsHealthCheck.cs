using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Ready unless the inbox is backed up, the channel's signing keys are missing or cannot be
/// refreshed, the last outbound token request failed, or some Bot Connector operation is failing
/// after its retries (every failing one is named).</summary>
internal sealed class TeamsHealthCheck(IOptions<TeamsOptions> options, TeamsInbox inbox, IBotTokenProvider tokens, TeamsConnectorHealth connector, BotSigningKeys keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mode = options.Value.LocalMode ? "local mode (no app id, unauthenticated)" : $"{options.Value.AppType} app {options.Value.AppId}";
        var data = new Dictionary<string, object> { ["mode"] = mode, ["pending"] = inbox.Pending };
        if (inbox.Pending > TeamsInbox.Capacity * 9 / 10)
            return Task.FromResult(HealthCheckResult.Unhealthy($"Teams inbox nearly full ({inbox.Pending} pending)", data: data));
        if (!options.Value.LocalMode && keys.Problem is { } keyProblem)
            return Task.FromResult(HealthCheckResult.Degraded($"Teams: {keyProblem}", data: data));
        if (tokens is MsalTokenProvider { LastError: { } error })
            return Task.FromResult(HealthCheckResult.Degraded($"Teams: {error}", data: data));
        if (connector.Failure is { } failure)
            return Task.FromResult(HealthCheckResult.Degraded($"Teams: {failure}", data: data));
        return Task.FromResult(HealthCheckResult.Healthy($"Teams: {mode}", data));
    }
}
