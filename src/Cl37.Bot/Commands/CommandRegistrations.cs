using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>Every command handler, listed explicitly.</summary>
public static class CommandRegistrations
{
    // The one list of commands: its order is the order help, Discord's registration, the Teams
    // menu and the playground list them in.
    private static readonly (Type Handler, CommandDefinition Definition)[] Handlers =
    [
        (typeof(QuizCommand), QuizCommand.Definition),
        (typeof(LeaderboardCommand), LeaderboardCommand.Definition),
        (typeof(StatsCommand), StatsCommand.Definition),
        (typeof(CompetitionCommand), CompetitionCommand.Definition),
        (typeof(CalcCommand), CalcCommand.Definition),
        (typeof(FormulasCommand), FormulasCommand.Definition),
        (typeof(ReviseCommand), ReviseCommand.Definition),
        (typeof(HelpCommand), HelpCommand.Definition),
    ];

    /// <summary>The registered handlers' definitions, also for the command-line verbs that run without the host.</summary>
    public static CommandCatalog Catalog() => new(Handlers.Select(h => h.Definition));

    public static WebApplicationBuilder AddCommands(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<AdminOptions>()
            .Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.Admins.All(a => a.Contains(':', StringComparison.Ordinal)), "Quiz:Admins entries must look like platform:userId (e.g. playground:tutor).")
            .ValidateOnStart();
        s.AddSingleton<AdminPolicy>();
        // Built from the table rather than from the resolved handlers: /help lists every command,
        // itself included, so it needs the catalog before the handlers exist.
        s.AddSingleton(Catalog());
        foreach (var (handler, _) in Handlers)
            s.AddSingleton(typeof(ICommandHandler), handler);
        s.AddSingleton<RegradeHandler>();
        s.AddSingleton<DeckUploadHandler>();
        s.AddSingleton<CommandDispatcher>();
        s.AddSingleton<IInboundHandler>(sp => sp.GetRequiredService<CommandDispatcher>());
        s.AddSingleton<IInboundFailureClassifier, StorageFailureClassifier>();
        s.AddInboundPipeline();
        return builder;
    }
}
