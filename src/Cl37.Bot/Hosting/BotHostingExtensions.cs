namespace Cl37.Bot.Hosting;

/// <summary>Program.cs's table of contents: one Add/Map per feature folder.</summary>
public static class BotHostingExtensions
{
    public static WebApplicationBuilder AddCl37Bot(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        Platforms.Teams.TeamsHostingExtensions.AddTeams(builder);
        return builder;
    }

    public static WebApplication MapCl37Bot(this WebApplication app)
    {
        Platforms.Teams.TeamsHostingExtensions.MapTeams(app);
        return app;
    }
}
