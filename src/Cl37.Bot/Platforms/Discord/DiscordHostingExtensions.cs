using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord;

/// <summary>Registers the Discord adapter. It is on only when <c>Discord:Token</c> is set (or
/// <c>Discord:Enabled</c> is true); otherwise only the health check reports it as not configured.</summary>
internal static class DiscordHostingExtensions
{
    public const string HttpClientName = "discord";

    public static WebApplicationBuilder AddDiscord(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton<DiscordConnectionState>();
        services.TryAddSingleton<DiscordRestHealth>();
        services.TryAddSingleton<DiscordCommandRegistration>();
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord", tags: ["ready"]);

        var settings = builder.Configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        if (!settings.IsEnabled)
            return builder;

        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.AddInboundPipeline();
        services.AddOptions<InboundOptions>().Configure<IOptions<DiscordOptions>>((inbound, discord) =>
            inbound.DeferAfter["discord"] = TimeSpan.FromSeconds(discord.Value.DeferAfterSeconds));
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordSignatureVerifier>();
        services.TryAddSingleton<DiscordReplayGuard>();
        // No HttpClient logging: interaction webhook URLs carry tokens. The client logs routes by template itself.
        // No resilience pipeline either: 429 and 5xx retries belong to the rate limiter, which must see every response.
        services.AddHttpClient<DiscordRestClient>(HttpClientName, (sp, http) =>
        {
            http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
            // HTTP/2 where the server offers it: a burst of interaction callbacks then shares a few
            // connections instead of opening one TLS connection per click.
            http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        })
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        .RemoveAllLoggers();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<IChatPlatform, DiscordChatPlatform>();
        services.AddHostedService<DiscordCommandRegistrar>();
        if (settings.Mode == DiscordMode.Gateway)
        {
            services.TryAddSingleton<IGatewayConnector, WebSocketGatewayConnector>();
            services.TryAddSingleton<DiscordGatewayClient>();
            services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayClient>());
        }
        else
        {
            services.AddHostedService<HttpModeMarker>();
        }
        return builder;
    }

    public static WebApplication MapDiscord(this WebApplication app)
    {
        // Raw settings, not IOptions: a wrong setting should fail in ValidateOnStart with its message, not here.
        var options = app.Configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        if (options.IsEnabled && options.Mode == DiscordMode.Http)
            app.MapPost(DiscordInteractionsEndpoint.Path, DiscordInteractionsEndpoint.HandleAsync);
        return app;
    }

    /// <summary>In HTTP mode there is no connection to watch; the state says so for the health check.</summary>
    private sealed class HttpModeMarker(DiscordConnectionState state) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            state.Set(DiscordConnectionState.Kind.Http);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
