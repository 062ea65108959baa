using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>Every command handler, listed explicitly.</summary>
public static class CommandRegistrations
{
    public static WebApplicationBuilder AddCommands(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<AdminOptions>()
            .Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.Admins.All(a => a.Contains(':', StringComparison.Ordinal)), "Quiz:Admins entries must look like platform:userId (e.g. playground:tutor).")
            .ValidateOnStart();
        s.AddSingleton<AdminPolicy>();
        s.AddSingleton<ICommandHandler, QuizCommand>();
        s.AddSingleton<ICommandHandler, LeaderboardCommand>();
        s.AddSingleton<ICommandHandler, StatsCommand>();
        s.AddSingleton<ICommandHandler, CompetitionCommand>();
        s.AddSingleton<ICommandHandler, HelpCommand>();
        s.AddSingleton<ICommandHandler, CalcCommand>();
        s.AddSingleton<ICommandHandler, FormulasCommand>();
        s.AddSingleton<ICommandHandler, ReviseCommand>();
        s.AddSingleton<CommandDispatcher>();
        s.AddSingleton<IInboundHandler>(sp => sp.GetRequiredService<CommandDispatcher>());
        s.AddSingleton<IInboundFailureClassifier, StorageFailureClassifier>();
        s.AddInboundPipeline();
        return builder;
    }
}
