namespace Cl37.Bot.Quiz;

public enum CompetitionStartOutcome
{
    Started,
    EndPassed,
    TooLong,
    AlreadyRunning,
}
