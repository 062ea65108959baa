using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;

namespace Cl37.Bot.Hosting;

/// <summary>Builds the start-up path's costliest singletons (the OpenTelemetry meter provider, EF Core's
/// context factory, the parsed deck, the platform adapters) on the second core while the main thread
/// maps the endpoints and prepares the hosted services, which need them a few tens of milliseconds
/// later (issue #8).</summary>
internal static class SingletonPrewarm
{
    private static readonly Type[] Costly = [typeof(MeterProvider), typeof(IDbContextFactory<BotDbContext>), typeof(DeckLibrary), typeof(ChatPlatforms)];

    public static void Start(IServiceProvider services) => _ = Task.Run(() =>
    {
        foreach (var type in Costly)
        {
            try
            {
                services.GetService(type);
            }
            catch (Exception)
            {
                // The start-up path resolves the same singleton again and reports the failure there.
                return;
            }
        }
    });
}
