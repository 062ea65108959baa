using Cl37.Bot.Platforms.Discord;

namespace Cl37.Bot.Hosting;

/// <summary>Program.cs's table of contents: one Add/Map per feature folder.</summary>
public static class BotHostingExtensions
{
    public static WebApplicationBuilder AddCl37Bot(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDiscord();
        return builder;
    }

    public static WebApplication MapCl37Bot(this WebApplication app)
    {
        app.MapDiscord();
        return app;
    }
}
