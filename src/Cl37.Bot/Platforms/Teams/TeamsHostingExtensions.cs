using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Registers the Teams adapter when <c>Teams:AppId</c> is set or <c>Teams:Enabled</c> is true.</summary>
internal static class TeamsHostingExtensions
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        if (!TeamsOptions.IsEnabled(builder.Configuration))
            return builder;
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>>(new TeamsOptionsValidator(PlaygroundBinding.From(builder.Configuration))));
        services.AddMetrics();
        // Retries stay in the callers, not in a handler pipeline: a connector retry must wait its
        // conversation's turn again, the signing keys keep their own outage backoff, and a failed
        // Graph look-up already counts as "not an owner" for a minute.
        services.AddHttpClient(BotSigningKeys.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(TeamsConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TeamsGraphClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(MsalTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddInboundPipeline();
        services.Configure<InboundOptions>(o => o.DeferAfter[TeamsActivities.Platform] = TeamsActivityHandler.InvokeDeadline);
        services.AddSingleton<TeamsMetrics>();
        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<IBotTokenProvider>(sp => ActivatorUtilities.CreateInstance<MsalTokenProvider>(sp, MsalTokenTarget.BotConnector));
        services.AddSingleton<TeamsSendQueue>();
        services.AddSingleton<TeamsConnectorHealth>();
        services.AddSingleton<TeamsConnectorClient>();
        services.AddSingleton<IGraphTokenProvider>(sp => ActivatorUtilities.CreateInstance<MsalTokenProvider>(sp, MsalTokenTarget.Graph));
        services.AddSingleton<TeamsGraphClient>();
        services.AddSingleton<TeamsRoster>();
        services.AddSingleton<TeamsAnswerers>();
        services.AddSingleton<TeamsPersonalChats>();
        services.AddSingleton<TeamsFileOffers>();
        services.AddHttpClient(TeamsFileUpload.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<TeamsFileUpload>();
        services.AddSingleton<TeamsReferenceCache>();
        services.TryAddSingleton<ITeamsConversationStore, ChannelDirectoryConversationStore>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<TeamsInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsInbox>());
        services.AddSingleton<TeamsChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TeamsChatPlatform>());
        services.AddHealthChecks().AddCheck<TeamsHealthCheck>("teams", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        if (!TeamsOptions.IsEnabled(app.Configuration))
            return app;
        // Read without validating: the host validates the section when it starts and reports every problem at once.
        var route = app.Configuration[$"{TeamsOptions.Section}:{nameof(TeamsOptions.Route)}"] is { Length: > 0 } configured ? configured : new TeamsOptions().Route;
        app.MapPost(route, TeamsEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }
}
