using System.Diagnostics.Metrics;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>The adapter's instruments on the <c>Cl37.Bot.Discord</c> meter.</summary>
internal sealed class DiscordMetrics
{
    public const string MeterName = "Cl37.Bot.Discord";
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _interactions;

    public DiscordMetrics(IMeterFactory meters, DiscordConnectionState state)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("cl37_discord_gateway_state", () => (int)state.State, description: "Gateway state: 0 disabled, 1 connecting, 2 ready, 3 reconnecting, 4 stopped, 5 http mode");
        _reconnects = meter.CreateCounter<long>("cl37_discord_gateway_reconnects", description: "Gateway reconnects, by kind (resume or identify)");
        _rateLimited = meter.CreateCounter<long>("cl37_discord_rest_rate_limited", description: "429 responses, by scope");
        _interactions = meter.CreateCounter<long>("cl37_discord_interactions", description: "Interactions handled, by type");
    }

    public void Reconnect(string kind) => _reconnects.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    // Tagged with the number, as Discord documents it, so dashboards keep their series. How long
    // an interaction took is cl37_inbound_duration{platform="discord"}, the pipeline's.
    public void Interaction(InteractionType type) => _interactions.Add(1, new KeyValuePair<string, object?>("type", (int)type));
}
