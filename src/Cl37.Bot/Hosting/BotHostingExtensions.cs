using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Observability;
using Cl37.Bot.Platforms.Discord;
using Cl37.Bot.Platforms.Playground;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;

namespace Cl37.Bot.Hosting;

/// <summary>Program.cs's table of contents: one Add/Map per feature folder.</summary>
public static class BotHostingExtensions
{
    public static WebApplicationBuilder AddCl37Bot(this WebApplicationBuilder builder)
    {
        // One clock and one source of randomness for every feature: tests replace them in one place.
        builder.Services.AddSingleton(TimeProvider.System);
        // Random.Shared is thread-safe; the quiz and the platforms' retry jitter draw from it concurrently.
        builder.Services.AddSingleton(Random.Shared);
        builder.AddAppFolderSettings();
        builder.AddObservability();
        builder.AddLifetime();
        builder.AddProxies();
        builder.AddContent();
        builder.AddData();
        builder.AddQuiz();
        builder.AddPosts();
        builder.AddCommands();
        builder.AddScheduling();
        builder.AddScaleOut();
        builder.AddPlayground();
        builder.AddTeams();
        builder.AddDiscord();
        return builder;
    }

    public static WebApplication MapCl37Bot(this WebApplication app)
    {
        app.UseProxies();
        app.MapPlayground();
        app.MapTeams();
        app.MapDiscord();
        app.MapObservability();
        return app;
    }
}
