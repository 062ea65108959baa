namespace Cl37.Bot.Content;

public static class ContentHostingExtensions
{
    /// <summary>The setting naming the deck folder; it sits in the Quiz section, where deployments already set it.</summary>
    public const string ContentPathSetting = "Quiz:ContentPath";

    /// <summary>Registers the <see cref="DeckLibrary"/>, read from <see cref="ContentPathSetting"/> and
    /// kept up to date by the <see cref="DeckWatcher"/>; every deck problem is logged as a warning and
    /// the good questions still load.</summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        // Read when first resolved, so settings that tests or the environment add later still count.
        builder.Services.AddSingleton(sp => new DeckFolder(DeckLoader.ResolvePath(sp.GetRequiredService<IConfiguration>()[ContentPathSetting])));
        builder.Services.AddSingleton(sp =>
        {
            var folder = sp.GetRequiredService<DeckFolder>();
            var library = folder.Read().Library;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeckLibrary));
            foreach (var error in library.Errors)
                logger.LogWarning("Deck problem: {DeckError}", error.ToString());
            logger.LogInformation("Loaded {QuestionCount} questions from {DeckCount} decks in {ContentPath}",
                library.AllQuestions.Count(), library.Decks.Count, folder.Path);
            return library;
        });
        builder.Services.AddSingleton<DeckWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeckWatcher>());
        return builder;
    }
}
