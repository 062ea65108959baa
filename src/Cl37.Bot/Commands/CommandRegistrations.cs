using Cl37.Bot.Chat;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>Every command, listed explicitly as a <see cref="CommandUnit"/>.</summary>
public static class CommandRegistrations
{
    // The one list of commands: its order is the order help, Discord's registration, the Teams
    // menu and the playground list them in.
    private static readonly CommandUnit[] Units =
    [
        QuizCommand.Unit,
        LeaderboardCommand.Unit,
        StatsCommand.Unit,
        CompetitionCommand.Unit,
        CalcCommand.Unit,
        FormulasCommand.Unit,
        ReviseCommand.Unit,
        HelpCommand.Unit,
    ];

    /// <summary>Every command with its bound methods, in help order.</summary>
    public static IReadOnlyList<CommandUnit> All => Units;

    /// <summary>The commands' definitions, also for the command-line verbs that run without the host.</summary>
    public static CommandCatalog Catalog() => new(Units.Select(u => u.Definition));

    public static WebApplicationBuilder AddCommands(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<AdminOptions>()
            .Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.Admins.All(a => a.Contains(':', StringComparison.Ordinal)), "Quiz:Admins entries must look like platform:userId (e.g. playground:tutor).")
            .ValidateOnStart();
        s.AddSingleton<AdminPolicy>();
        s.AddSingleton(Catalog());
        foreach (var unit in Units)
        {
            s.AddSingleton(unit);
            unit.Register(s);
        }
        s.AddSingleton<CommandDispatcher>();
        s.AddSingleton<IInboundHandler>(sp => sp.GetRequiredService<CommandDispatcher>());
        s.AddSingleton<IInboundFailureClassifier, StorageFailureClassifier>();
        s.AddSingleton<IChatWording, ChatWording>();
        s.AddInboundPipeline();
        return builder;
    }
}
