using Cl37.Bot.Quiz;

namespace Cl37.Bot.Content;

public static class ContentHostingExtensions
{
    /// <summary>Registers the <see cref="DeckLibrary"/>, loaded once from <c>Quiz:ContentPath</c>;
    /// every deck problem is logged as a warning and the good questions still load.</summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IConfiguration>()[$"{QuizOptions.Section}:{nameof(QuizOptions.ContentPath)}"];
            var path = DeckLoader.ResolvePath(configured);
            var library = DeckLoader.Load(path);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeckLibrary));
            foreach (var error in library.Errors)
                logger.LogWarning("Deck problem: {DeckError}", error.ToString());
            logger.LogInformation("Loaded {QuestionCount} questions from {DeckCount} decks in {ContentPath}",
                library.AllQuestions.Count(), library.Decks.Count, path);
            return library;
        });
        return builder;
    }
}
