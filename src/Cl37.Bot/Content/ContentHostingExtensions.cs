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
        builder.Services.AddOptions<DeckUploadOptions>()
            .Bind(builder.Configuration.GetSection(DeckUploadOptions.Section))
            .Validate(o => o.MaxFileBytes is >= 1_024 and <= DeckLoader.MaxFileBytes, $"DeckUploads:MaxFileBytes must be between 1024 and {DeckLoader.MaxFileBytes}.")
            .Validate(o => o.MaxDecksPerGroup is >= 1 and <= 1_000, "DeckUploads:MaxDecksPerGroup must be between 1 and 1000.")
            .Validate(o => o.PendingMinutes is >= 1 and <= 10_080, "DeckUploads:PendingMinutes must be between 1 and 10080 (a week).")
            .Validate(o => o.PollSeconds is >= 1 and <= 3_600, "DeckUploads:PollSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DeckWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeckWatcher>());
        return builder;
    }
}
