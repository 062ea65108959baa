using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Platforms.Discord;

/// <summary>Reports the Discord connection. A stopped adapter (bad token, disallowed intents) is
/// Degraded, not Unhealthy: the rest of the app keeps serving and should stay in rotation.</summary>
internal sealed class DiscordHealthCheck(DiscordConnectionState state, DiscordRestHealth? rest = null, DiscordCommandRegistration? commands = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State switch
        {
            DiscordConnectionState.Kind.Ready or DiscordConnectionState.Kind.Http when rest is { Unauthorized: true } =>
                HealthCheckResult.Degraded("Discord rejected the bot token (401); check Discord:Token."),
            DiscordConnectionState.Kind.Ready or DiscordConnectionState.Kind.Http when rest?.Failure is { } failure =>
                HealthCheckResult.Degraded("Discord REST is failing: " + failure + "."),
            DiscordConnectionState.Kind.Ready or DiscordConnectionState.Kind.Http when commands is { Missing.Count: > 0 } =>
                HealthCheckResult.Degraded("Discord has not registered these slash commands: " + string.Join(", ", commands.Missing) + "; see the log."),
            DiscordConnectionState.Kind.Ready => HealthCheckResult.Healthy("Discord gateway connected."),
            DiscordConnectionState.Kind.Http => HealthCheckResult.Healthy("Discord interactions arrive over HTTP."),
            DiscordConnectionState.Kind.Stopped => HealthCheckResult.Degraded("Discord adapter stopped: " + state.Reason),
            DiscordConnectionState.Kind.Disabled => HealthCheckResult.Healthy("Discord is not configured."),
            _ => HealthCheckResult.Degraded("Discord gateway " + state.State.ToString().ToLowerInvariant() + "."),
        });
}
