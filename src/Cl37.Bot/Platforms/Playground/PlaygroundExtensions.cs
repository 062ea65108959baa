using Cl37.Bot.Chat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>Registers the playground: options, the chat platform and the page with its API.</summary>
internal static class PlaygroundExtensions
{
    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>();

        var options = builder.Configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        if (!options.IsEnabled(builder.Configuration))
            return builder;

        builder.Services.AddSingleton<PlaygroundAssets>();
        builder.Services.AddSingleton<PlaygroundChatPlatform>();
        builder.Services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<PlaygroundChatPlatform>());
        return builder;
    }

    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (app.Services.GetService<PlaygroundChatPlatform>() is null)
            return app;

        app.MapGet("/", () => Results.Redirect("/playground/")).ExcludeFromDescription();
        // Routing matches /playground and /playground/ alike.
        app.MapGet("/playground", (HttpContext context, PlaygroundAssets assets) => assets.Serve(context, "index.html"));
        // The asset table answers 404 for any other name; a regex route constraint would cost a
        // compiled Regex on the first request, which start-up waits for.
        app.MapGet("/playground/{file}", (string file, HttpContext context, PlaygroundAssets assets) =>
            PlaygroundAssets.IsSubresource(file) ? assets.Serve(context, file) : Results.NotFound());
        PlaygroundEndpoints.Map(app);

        app.Lifetime.ApplicationStarted.Register(() => LogAddress(app));
        return app;
    }

    // Kestrel reports wildcard bindings (http://[::]:8080, http://+:8080) as bound; a browser needs a host name.
    private static string Browsable(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            return address;
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }

    private static void LogAddress(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is not { Count: > 0 })
            return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cl37.Bot.Playground");
        logger.LogInformation("Playground: {Address}", string.Join(", ", addresses.Select(Browsable)));
    }
}
