using Cl37.Bot.Chat;

namespace Cl37.Bot.Commands;

/// <summary>/quiz: its sub-commands in the order help and the platforms list them, each bound to its
/// handler's method (<see cref="PostHandler"/>, <see cref="AnswerHandler"/>, <see cref="ScheduleHandler"/>,
/// <see cref="ExamHandler"/>, <see cref="AnalysisHandler"/>, <see cref="RegradeHandler"/>,
/// <see cref="DeckHandler"/>, <see cref="SettingsHandler"/>).</summary>
public static class QuizCommand
{
    public static CommandUnit Unit { get; } = CommandUnit.WithSubCommands("quiz", "Quiz questions: post one now, practise privately, manage the daily schedule",
    [
        PostHandler.Now,
        AnswerHandler.Practice,
        AnswerHandler.Answer,
        PostHandler.Reveal,
        ScheduleHandler.Set,
        ScheduleHandler.Show,
        ExamHandler.Set,
        ExamHandler.Show,
        ExamHandler.Off,
        ScheduleHandler.Off,
        AnalysisHandler.Analysis,
        RegradeHandler.Regrade,
        DeckHandler.Export,
        DeckHandler.List,
        SettingsHandler.Settings,
    ]);

    public static CommandDefinition Definition => Unit.Definition;

    /// <summary>What an admin types to let everyone post.</summary>
    public static string AllowEveryoneToPost { get; } = CommandUsage.Invocation(Definition, SettingsHandler.Settings.Definition.Name, ("everyone_can_post", "true"));
}
