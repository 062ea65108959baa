using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Incoming;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>Registers the playground: options, the chat platform and the page with its API.</summary>
internal static class PlaygroundHostingExtensions
{
    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        var binding = PlaygroundBinding.From(builder.Configuration);
        builder.Services.AddSingleton(binding);
        builder.Services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>());

        var options = builder.Configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        if (!options.IsEnabled(builder.Configuration, binding))
            return builder;

        builder.Services.AddSingleton<PlaygroundAssets>();
        builder.Services.AddInboundPipeline();
        builder.Services.AddSingleton<PlaygroundAccess>();
        builder.Services.AddSingleton<PlaygroundKeyGuard>();
        builder.Services.AddSingleton<PlaygroundStreams>();
        builder.Services.AddSingleton<PlaygroundChatPlatform>();
        builder.Services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<PlaygroundChatPlatform>());
        return builder;
    }

    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (app.Services.GetService<PlaygroundChatPlatform>() is null)
        {
            app.Lifetime.ApplicationStarted.Register(() => LogOff(app));
            return app;
        }

        var site = app.MapGroup("").AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<PlaygroundAccess>().IsShut ? Results.NotFound() : await next(invocation));
        site.MapGet("/", () => Results.Redirect("/playground/")).ExcludeFromDescription();
        // Routing matches /playground and /playground/ alike.
        site.MapGet("/playground", (HttpContext context, PlaygroundAssets assets) => assets.Serve(context, "index.html"));
        // The asset table answers 404 for any other name; a regex route constraint would cost a
        // compiled Regex on the first request, which start-up waits for.
        site.MapGet("/playground/{file}", (string file, HttpContext context, PlaygroundAssets assets) =>
            PlaygroundAssets.IsSubresource(file) ? assets.Serve(context, file) : Results.NotFound());
        PlaygroundEndpoints.Map(site);

        app.Lifetime.ApplicationStarted.Register(() => LogAddress(app));
        return app;
    }

    private static IReadOnlyList<string> BoundAddresses(WebApplication app) =>
        app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } bound
            ? [.. bound]
            : [];

    // The configuration said loopback, but the server is what listens: code can bind Kestrel elsewhere.
    private static void LogAddress(WebApplication app)
    {
        var addresses = BoundAddresses(app);
        if (addresses.Count == 0)
            return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cl37.Bot.Playground");
        var access = app.Services.GetRequiredService<PlaygroundAccess>();
        if (!access.KeyRequired && addresses.Any(a => !PlaygroundBinding.IsLoopback(a)))
        {
            access.Shut();
            logger.LogError("Playground is off: the server listens on {Addresses}, beyond this machine, and Playground:AccessKey is not set", string.Join(", ", addresses));
            return;
        }
        logger.LogInformation("Playground: {Address}", string.Join(", ", addresses.Select(PlaygroundBinding.Describe)));
    }

    private static void LogOff(WebApplication app)
    {
        var binding = app.Services.GetRequiredService<PlaygroundBinding>();
        if (!binding.BeyondLoopback || app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled == false)
            return;
        var addresses = BoundAddresses(app) is { Count: > 0 } bound ? bound : binding.Addresses;
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cl37.Bot.Playground").LogInformation(
            "Playground is off: the app listens on {Addresses}, beyond this machine. To offer it there, set Playground:Enabled=true and Playground:AccessKey, behind HTTPS",
            string.Join(", ", addresses.Select(PlaygroundBinding.Describe)));
    }
}
