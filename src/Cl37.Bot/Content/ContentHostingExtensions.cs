using Cl37.Bot.Hosting;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Content;

public static class ContentHostingExtensions
{
    /// <summary>Registers the <see cref="DeckLibrary"/>, loaded once from <c>Quiz:ContentPath</c>;
    /// every deck problem is logged as a warning and the good questions still load.</summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        // The deck is read on the second core while the main thread builds the host (issue #8). Settings
        // added later (tests, environment) may point elsewhere, so the preload is used only for the same path.
        var preloadPath = DeckLoader.ResolvePath(ConfiguredPath(builder.Configuration));
        var preload = StartupPrewarm.OnSpareThread(() => DeckLoader.Load(preloadPath));
        builder.Services.AddSingleton(sp =>
        {
            var path = DeckLoader.ResolvePath(ConfiguredPath(sp.GetRequiredService<IConfiguration>()));
            var library = path == preloadPath ? preload.GetAwaiter().GetResult() : DeckLoader.Load(path);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeckLibrary));
            foreach (var error in library.Errors)
                logger.LogWarning("Deck problem: {DeckError}", error.ToString());
            logger.LogInformation("Loaded {QuestionCount} questions from {DeckCount} decks in {ContentPath}",
                library.AllQuestions.Count(), library.Decks.Count, path);
            return library;
        });
        return builder;
    }

    private static string? ConfiguredPath(IConfiguration configuration) => configuration[$"{QuizOptions.Section}:{nameof(QuizOptions.ContentPath)}"];
}
