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
    private readonly Histogram<double> _callbackMs;

    public DiscordMetrics(IMeterFactory meters, DiscordConnectionState state)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("discord.gateway.state", () => (int)state.State, description: "Gateway state: 0 disabled, 1 connecting, 2 ready, 3 reconnecting, 4 stopped, 5 http mode");
        _reconnects = meter.CreateCounter<long>("discord.gateway.reconnects", description: "Gateway reconnects, by kind (resume or identify)");
        _rateLimited = meter.CreateCounter<long>("discord.rest.rate_limited", description: "429 responses, by scope");
        _interactions = meter.CreateCounter<long>("discord.interactions", description: "Interactions handled, by type");
        _callbackMs = meter.CreateHistogram<double>("discord.interaction.response_time", unit: "ms", description: "Interaction received → initial response produced");
    }

    public void Reconnect(string kind) => _reconnects.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    // Tagged with the number, as Discord documents it, so dashboards keep their series.
    public void Interaction(InteractionType type, double milliseconds)
    {
        _interactions.Add(1, new KeyValuePair<string, object?>("type", (int)type));
        _callbackMs.Record(milliseconds);
    }
}
