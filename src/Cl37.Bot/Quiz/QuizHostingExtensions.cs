
namespace Cl37.Bot.Quiz;

public static class QuizHostingExtensions
{
    public static WebApplicationBuilder AddQuiz(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuizOptions>()
            .Bind(builder.Configuration.GetSection(QuizOptions.Section))
            .Validate(o => TimeZones.TryFind(o.DefaultTimeZone, out _), "Quiz:DefaultTimeZone must be an IANA time zone such as Europe/Berlin.")
            .Validate(o => o.LeaderboardPageSize is >= 1 and <= 50, "Quiz:LeaderboardPageSize must be between 1 and 50.")
            .Validate(o => o.TallyUpdateSeconds is >= 0.05 and <= 3600, "Quiz:TallyUpdateSeconds must be between 0.05 and 3600.")
            .ValidateOnStart();

        var s = builder.Services;
        s.AddSingleton<ChannelDirectory>();
        s.AddSingleton<GroupSettingsService>();
        s.AddSingleton<PostCache>();
        s.AddSingleton<QuestionSelector>();
        s.AddSingleton<QuizMetrics>();
        // Before the replay and the writer: both read history by stable question id.
        s.AddSingleton<QuestionIdUpgrade>();
        s.AddHostedService(sp => sp.GetRequiredService<QuestionIdUpgrade>());
        // Before the writer: answers are scored on replayed memories.
        s.AddSingleton<ReviewReplay>();
        s.AddHostedService(sp => sp.GetRequiredService<ReviewReplay>());
        s.AddSingleton<AnswerWriter>();
        s.AddHostedService(sp => sp.GetRequiredService<AnswerWriter>());
        s.AddSingleton<HiddenResults>();
        s.AddSingleton<Chat.IRequestLedger>(sp => sp.GetRequiredService<AnswerWriter>());
        s.AddSingleton<TallyUpdater>();
        s.AddSingleton<AnswerService>();
        s.AddSingleton<AnswerLookup>();
        s.AddSingleton<Chat.IChannelDataStore, ChannelDataStore>();
        s.AddSingleton<LeaderboardCache>();
        s.AddSingleton<LeaderboardService>();
        s.AddSingleton<CompetitionService>();
        s.AddSingleton<PracticeService>();
        s.AddSingleton<StatsService>();
        s.AddSingleton<ExamService>();
        s.AddSingleton<ScheduleChanges>();
        s.AddSingleton<Analysis.ItemAnalysisService>();
        s.AddSingleton<RegradeService>();
        return builder;
    }

}
